package org.certbench.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.certbench.crypto.internal.BouncyCastle;
import org.certbench.crypto.internal.DistinguishedNames;
import org.certbench.crypto.internal.EmptyIssuerTolerance;
import org.certbench.crypto.internal.ExtensionTexts;
import org.certbench.crypto.internal.HostNames;
import org.certbench.crypto.internal.ParsedX509Certificate;
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
    /** Built on first use: its self-signature check costs more than all the rest of reading. */
    private volatile CertificateSummary summary;
    /** The self-signature check, made once: for the summary and for callers that need only it (agent handshakes). */
    private volatile Boolean selfSigned;
    private volatile Instant notBefore;
    private volatile Instant notAfter;
    /** The JCA public key, made once: a renewal's checks ask for it several times. */
    private volatile PublicKey jcaKey;
    /** The JCA view, made once: an agent's key manager and the trust managers ask for it at every (re)load. */
    private volatile X509Certificate jca;

    Certificate(byte[] der, X509CertificateHolder holder) {
        this.der = der.clone();
        this.holder = holder;
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

    /** {@return the DER encoding, a fresh copy each call} */
    public byte[] der() {
        return der.clone();
    }

    /** {@return the PEM encoding, one "BEGIN CERTIFICATE" block} */
    public String pem() {
        return Pem.encode("CERTIFICATE", der);
    }

    /** {@return the fields an administrator reads, computed once and cached (thread-safe)} */
    public CertificateSummary summary() {
        CertificateSummary built = summary;
        if (built == null) {
            // Two threads may both build it; the results are equal, so the race is harmless.
            built = SummaryFactory.summarize(holder, der, isSelfSigned());
            summary = built;
        }
        return built;
    }

    /** The subject DN as displayed, most specific attribute first; empty for an empty subject. */
    public String subject() {
        return DistinguishedNames.display(holder.getSubject());
    }

    /** {@return the issuer's distinguished name as displayed, e.g. {@code CN=Example CA, O=Example}} */
    public String issuer() {
        return DistinguishedNames.display(holder.getIssuer());
    }

    /** {@return the serial number, as the issuer wrote it} */
    public BigInteger serialNumber() {
        return holder.getSerialNumber();
    }

    /** {@return the start of validity} */
    public Instant notBefore() {
        Instant known = notBefore;
        if (known == null) {
            known = holder.getNotBefore().toInstant();
            notBefore = known;
        }
        return known;
    }

    /** Kept once read: BouncyCastle parses the ASN.1 time text on every call, and every agent handshake asks. */
    public Instant notAfter() {
        Instant known = notAfter;
        if (known == null) {
            known = holder.getNotAfter().toInstant();
            notAfter = known;
        }
        return known;
    }

    /**
     * {@return the SHA-256 fingerprint of the DER encoding, upper-case hex pairs separated by colons (see {@link
     * Fingerprints})}
     */
    public String sha256Fingerprint() {
        return Fingerprints.sha256(der);
    }

    /**
     * The SHA-256 fingerprint of the certified public key (its SubjectPublicKeyInfo), in the form of
     * {@link #sha256Fingerprint()}: the same for every certificate of one key, so a key pinned for an agent stays
     * pinned across a renewal that keeps the key.
     */
    public String publicKeySha256Fingerprint() {
        try {
            return Fingerprints.sha256(holder.getSubjectPublicKeyInfo().getEncoded("DER"));
        } catch (java.io.IOException e) {
            // the key info was parsed from DER when this certificate was read; encoding it again cannot fail
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether this certificate names {@code host} (a host name or an IP address literal) in its Subject
     * Alternative Names, by the rule TLS clients apply: IP addresses by value, DNS names case-insensitively with
     * a wildcard for the whole leftmost label only; the Common Name does not count.
     */
    public boolean namesHost(String host) {
        return HostNames.names(holder.getExtensions(), host);
    }

    /** The DNS names and IP addresses this certificate is issued for (its Subject Alternative Names). */
    public List<SubjectAlternativeName> hostNames() {
        return List.copyOf(HostNames.of(holder.getExtensions()));
    }

    /**
     * The subject's Common Name, or "Empty Common Name" — as {@link CertificateSummary#commonName()}, without
     * building the whole summary (which verifies the signature to tell self-signed), for lists of thousands.
     */
    public String commonName() {
        return SummaryFactory.commonNameText(holder.getSubject());
    }

    /** The issuer's Common Name, or "Empty Common Name"; cheap like {@link #commonName()}. */
    public String issuerCommonName() {
        return SummaryFactory.commonNameText(holder.getIssuer());
    }

    /** Issuer and subject are the same name and the certificate's own key verifies its signature. */
    public boolean isSelfSigned() {
        Boolean known = selfSigned;
        if (known == null) {
            known = SummaryFactory.isSelfSigned(holder);
            selfSigned = known;
        }
        return known;
    }

    /** Basic Constraints present with CA=true. */
    public boolean isCertificateAuthority() {
        BasicConstraints constraints = ExtensionTexts.basicConstraints(holder.getExtensions());
        return constraints != null && constraints.isCA();
    }

    /** Whether {@code now} lies within not-before … not-after, both inclusive. */
    public boolean isValidAt(Instant now) {
        return !now.isBefore(notBefore()) && !now.isAfter(notAfter());
    }

    /**
     * The certificate's public key as a JCA key.
     * @throws UnsupportedKeyException when its algorithm is neither RSA nor EC on a supported curve
     */
    public PublicKey publicKey() throws UnsupportedKeyException {
        PublicKey known = jcaKey;
        if (known == null) {
            // two threads may both convert; the keys are equal and immutable
            known = PublicKeys.toJca(holder.getSubjectPublicKeyInfo(), subject());
            jcaKey = known;
        }
        return known;
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
     * A JCA certificate for {@code KeyStore}, {@code SSLContext} and the like, made once. What a TLS handshake asks
     * of it comes from this certificate's own parse; the rest from a conversion by BouncyCastle's provider (which
     * accepts empty subject and issuer names where the JDK's CertificateFactory does not), made on first use.
     */
    public X509Certificate toX509Certificate() throws CertBenchCryptoException {
        X509Certificate known = jca;
        if (known == null) {
            PublicKey key;
            try {
                key = publicKey();
            } catch (UnsupportedKeyException e) {
                // no JCA key of our providers for it: the converted certificate's own answer, as before
                key = null;
            }
            known = key == null ? converted() : new ParsedX509Certificate(holder, der, key, this::convert);
            // two threads may both make it; the results are equal
            jca = known;
        }
        return known;
    }

    private X509Certificate converted() throws CertBenchCryptoException {
        try {
            return convert();
        } catch (CertificateException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CERTIFICATE, subject(),
                    String.valueOf(e.getMessage()));
        }
    }

    private X509Certificate convert() throws CertificateException {
        return EmptyIssuerTolerance.parse(
                () -> new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder));
    }

    /** Whether these are exactly this certificate's DER bytes: a cheap test before parsing bytes again. */
    public boolean hasEncoding(byte[] encoded) {
        return Arrays.equals(der, encoded);
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
        return subject() + " [" + sha256Fingerprint() + "]";
    }
}
