package org.certbench.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.certbench.crypto.internal.PublicKeys;
import org.certbench.crypto.internal.RequestedExtensions;
import org.certbench.crypto.internal.Signers;

/**
 * Self-signed certificates for a host: CN = FQDN, SANs = hostname, FQDN and the static IP addresses,
 * Basic Constraints CA=false, key usage digitalSignature (+ keyEncipherment for RSA), EKU serverAuth.
 */
public final class SelfSignedCertificates {

    /**
     * 825 days: long enough that pinned self-signed certificates do not break every year, and the longest
     * lifetime Apple platforms accept for TLS server certificates from private CAs.
     */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(825);

    private static final SecureRandom SERIALS = new SecureRandom();
    private static final int SERIAL_BITS = 159;

    private SelfSignedCertificates() {
    }

    /** A server certificate valid from now for {@link #DEFAULT_VALIDITY}. */
    public static Certificate create(HostIdentity host, KeyPair keyPair, Clock clock) throws CertBenchCryptoException {
        return create(host, keyPair, clock.instant(), DEFAULT_VALIDITY, EnumSet.of(KeyPurpose.SERVER_AUTH));
    }

    /**
     * Builds and signs a self-signed certificate.
     * @param notBefore start of validity, truncated to whole seconds (X.509 has no finer resolution)
     * @param purposes  extended key usages; at least one
     */
    public static Certificate create(HostIdentity host, KeyPair keyPair, Instant notBefore, Duration validity,
            Set<KeyPurpose> purposes) throws CertBenchCryptoException {
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("at least one key purpose is required");
        }
        Instant start = notBefore.truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, host.fqdn()).build();
        SubjectPublicKeyInfo publicKey = PublicKeys.info(keyPair.getPublic());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, new BigInteger(SERIAL_BITS, SERIALS),
                Date.from(start), Date.from(start.plus(validity)), subject, publicKey);
        try {
            for (Extension extension : extensions(host, publicKey, purposes)) {
                builder.addExtension(extension);
            }
        } catch (IOException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, keyPair.getPrivate().getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
        X509CertificateHolder holder = builder.build(Signers.signer(keyPair.getPrivate(), publicKey));
        try {
            return Certificates.parse(holder.getEncoded(), host.fqdn());
        } catch (IOException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CERTIFICATE, host.fqdn(),
                    String.valueOf(e.getMessage()));
        }
    }

    private static List<Extension> extensions(HostIdentity host, SubjectPublicKeyInfo publicKey, Set<KeyPurpose> purposes)
            throws IOException {
        Extensions profile = RequestedExtensions.endEntity(publicKey, purposes, host.subjectAlternativeNames(), true);
        BcX509ExtensionUtils utils = new BcX509ExtensionUtils();
        List<Extension> all = new ArrayList<>();
        for (ASN1ObjectIdentifier oid : profile.getExtensionOIDs()) {
            all.add(profile.getExtension(oid));
        }
        all.add(new Extension(Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(publicKey).getEncoded()));
        all.add(new Extension(Extension.authorityKeyIdentifier, false,
                utils.createAuthorityKeyIdentifier(publicKey).getEncoded()));
        return all;
    }
}
