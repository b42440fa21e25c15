package org.certbench.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.certbench.crypto.internal.BoundedInput;
import org.certbench.crypto.internal.ContentItem;
import org.certbench.crypto.internal.ContentScanner;
import org.certbench.crypto.internal.DistinguishedNames;
import org.certbench.crypto.internal.Pem;
import org.certbench.crypto.internal.ScannedContent;
import org.certbench.crypto.internal.Signers;

/**
 * An X.509 certificate revocation list (v2, RFC 5280): who issued it, when it was made and when the next one is
 * due, and the revoked serial numbers with their dates. Made by {@link CertificateAuthority#revocationList}, read by
 * {@link #read}. Immutable; equal when the DER bytes are.
 */
public final class RevocationList {

    private final byte[] der;
    private final X509CRLHolder holder;
    private final Map<BigInteger, Instant> revoked;

    private RevocationList(byte[] der, X509CRLHolder holder, Map<BigInteger, Instant> revoked) {
        this.der = der;
        this.holder = holder;
        this.revoked = revoked;
    }

    static RevocationList of(byte[] der, String sourceName) throws MalformedInputException {
        try {
            X509CRLHolder holder = new X509CRLHolder(der);
            Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
            for (Object entry : holder.getRevokedCertificates()) {
                X509CRLEntryHolder one = (X509CRLEntryHolder) entry;
                revoked.put(one.getSerialNumber(), one.getRevocationDate().toInstant());
            }
            return new RevocationList(holder.getEncoded(), holder, Collections.unmodifiableMap(revoked));
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CRL, sourceName,
                    String.valueOf(e.getMessage()));
        }
    }

    /**
     * Reads a PEM ({@code X509 CRL}) or DER file of at most 1 MiB.
     *
     * @param file the file
     * @return the first CRL in it
     * @throws CertBenchCryptoException in words if it cannot be read or holds no valid CRL
     */
    public static RevocationList read(Path file) throws CertBenchCryptoException {
        return read(BoundedInput.read(file), file.toString());
    }

    /**
     * Reads the first CRL of PEM or DER content.
     *
     * @param content    the bytes, at most 1 MiB
     * @param sourceName how the content is known, for messages
     * @return the CRL
     * @throws CertBenchCryptoException in words if it holds no valid CRL
     */
    public static RevocationList read(byte[] content, String sourceName) throws CertBenchCryptoException {
        BoundedInput.requireWithinLimit(content.length, sourceName);
        ScannedContent scanned = ContentScanner.scan(content, sourceName);
        MalformedInputException last = null;
        for (ContentItem item : scanned.items()) {
            try {
                return of(item.der(), sourceName);
            } catch (MalformedInputException notACrl) {
                last = notACrl;
            }
        }
        throw last != null ? last : new MalformedInputException(CryptoErrorCode.NO_CRL, sourceName);
    }

    /** {@return the DER encoding, a fresh copy each call} */
    public byte[] der() {
        return der.clone();
    }

    /** {@return the PEM encoding, one "BEGIN X509 CRL" block as OpenSSL writes it} */
    public String pem() {
        return Pem.encode("X509 CRL", der);
    }

    /** {@return the issuer's distinguished name as displayed} */
    public String issuer() {
        return DistinguishedNames.display(holder.getIssuer());
    }

    /** {@return when this list was made} */
    public Instant thisUpdate() {
        return holder.getThisUpdate().toInstant();
    }

    /** {@return when the next list is due, if it says} */
    public Optional<Instant> nextUpdate() {
        return Optional.ofNullable(holder.getNextUpdate()).map(java.util.Date::toInstant);
    }

    /** {@return the CRL number, if it has one} */
    public Optional<BigInteger> number() {
        Extension extension = holder.getExtension(Extension.cRLNumber);
        return extension == null ? Optional.empty()
                : Optional.of(ASN1Integer.getInstance(extension.getParsedValue()).getPositiveValue());
    }

    /** {@return the revoked serial numbers with their revocation dates, in the list's order} */
    public Map<BigInteger, Instant> revoked() {
        return revoked;
    }

    /** {@return when the certificate was revoked, if this list names it and was issued by its issuer} */
    public Optional<Instant> revokedAt(Certificate certificate) {
        if (!certificate.issuer().equals(issuer())) {
            return Optional.empty();
        }
        return Optional.ofNullable(revoked.get(certificate.serialNumber()));
    }

    /**
     * {@return whether the CA's key verifies this list's signature}
     *
     * @param ca the issuer's certificate
     */
    public boolean isSignedBy(Certificate ca) {
        return Signers.isCrlSignedBy(holder, ca.holder().getSubjectPublicKeyInfo());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevocationList list && Arrays.equals(der, list.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return issuer() + " CRL " + thisUpdate();
    }
}
