package org.certbench.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.certbench.crypto.internal.BouncyCastle;
import org.certbench.crypto.internal.EmptyIssuerTolerance;
import org.certbench.crypto.internal.Pem;
import org.certbench.crypto.internal.PublicKeys;
import org.certbench.crypto.internal.Signers;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * An X.509 certificate that has been read and checked for structure. Immutable; equal when the DER bytes
 * are. Get one from {@link Certificates}, {@link SelfSignedCertificates} or {@link #fromDer}; never parse
 * certificate bytes anywhere else.
 */
public final class Certificate {

    private final byte[] der;
    private final X509CertificateHolder holder;
    private final CertificateSummary summary;

    Certificate(byte[] der, X509CertificateHolder holder, CertificateSummary summary) {
        this.der = der.clone();
        this.holder = holder;
        this.summary = summary;
    }

    /**
     * Parses exactly one DER certificate, such as one stored by the trust store.
     *
     * @param sourceName file name or alias for the message if the bytes are not a certificate
     */
    public static Certificate fromDer(byte[] der, String sourceName) throws CertBenchCryptoException {
        return Certificates.read(der, sourceName).certificate();
    }

    X509CertificateHolder holder() {
        return holder;
    }

    public byte[] der() {
        return der.clone();
    }

    public String pem() {
        return Pem.encode("CERTIFICATE", der);
    }

    public CertificateSummary summary() {
        return summary;
    }

    /** The subject DN as displayed, most specific attribute first; empty for an empty subject. */
    public String subject() {
        return summary.subject();
    }

    public String issuer() {
        return summary.issuer();
    }

    public BigInteger serialNumber() {
        return summary.serialNumber();
    }

    public Instant notBefore() {
        return summary.notBefore();
    }

    public Instant notAfter() {
        return summary.notAfter();
    }

    public String sha256Fingerprint() {
        return summary.sha256Fingerprint();
    }

    public boolean isSelfSigned() {
        return summary.selfSigned();
    }

    public boolean isCertificateAuthority() {
        return summary.certificateAuthority();
    }

    /** Whether {@code now} lies within not-before … not-after, both inclusive. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(notBefore()) && !now.isAfter(notAfter());
    }

    public PublicKey publicKey() throws UnsupportedKeyException {
        return PublicKeys.toJca(holder.getSubjectPublicKeyInfo(), summary.subject());
    }

    /** Whether this certificate certifies the given public key (compared by value, not encoding). */
    public boolean hasPublicKey(PublicKey key) {
        return PublicKeys.same(holder.getSubjectPublicKeyInfo(), PublicKeys.info(key));
    }

    /** Whether this certificate's signature verifies with the key of {@code issuer}. */
    public boolean isSignedBy(Certificate issuer) {
        return Signers.isSignedBy(holder, issuer.holder.getSubjectPublicKeyInfo());
    }

    /**
     * A JCA certificate for {@code KeyStore}, {@code SSLContext} and the like. Converted by BouncyCastle's
     * provider, which accepts empty subject and issuer names where the JDK's CertificateFactory does not.
     */
    public X509Certificate toX509Certificate() throws CertBenchCryptoException {
        try {
            return EmptyIssuerTolerance.parse(
                    () -> new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder));
        } catch (CertificateException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CERTIFICATE, summary.subject(),
                    String.valueOf(e.getMessage()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate certificate && Arrays.equals(der, certificate.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return summary.subject() + " [" + summary.sha256Fingerprint() + "]";
    }
}
