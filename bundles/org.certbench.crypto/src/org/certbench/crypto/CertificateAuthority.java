package org.certbench.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.certbench.crypto.internal.KeyAlgorithms;
import org.certbench.crypto.internal.KeyDescription;
import org.certbench.crypto.internal.PublicKeys;
import org.certbench.crypto.internal.RequestedExtensions;
import org.certbench.crypto.internal.Signers;

/**
 * A certification authority whose key CertBench holds (the {@code local} issuer): makes its self-signed root,
 * signs CSRs into TLS server certificates and signs its certificate revocation lists. Immutable and thread-safe.
 * <p>
 * The root: an EC P-256 key, Basic Constraints CA=true with a path length of 0 (critical), key usage
 * keyCertSign and cRLSign (critical), a subject key identifier. A path length of 0 lets the root sign end-entity
 * certificates only: even a certificate that claimed CA=true below it would not be accepted as an issuer by any
 * verifier, so its key can never be used to build a second tier nobody chose.
 * <p>
 * A certificate it signs: a serial number of 16 random bytes (positive), CA=false (critical), key usage
 * digitalSignature (+ keyEncipherment for RSA keys, critical), extended key usage serverAuth, the request's names
 * as subject alternative names (the first also as Common Name), authority and subject key identifiers; valid from
 * {@link #CLOCK_SKEW} before now, for the lifetime asked, never beyond the CA's own end. The CSR must be signed by
 * its key (proof of possession), its key strong enough, and every name it asks for (Common Name and alternative
 * names) among the request's: what it asks beyond that is refused in words, never silently dropped.
 */
public final class CertificateAuthority {

    /**
     * Ten years: the root is handed to every client that must trust what it signs (the console per agent, the
     * clients of this host's services), so replacing it is a visit to each of them; it should outlive many
     * generations of the short-lived certificates it signs, yet not outlast the time in which a P-256 key and
     * SHA-256 are expected to stay sound (NIST SP 800-57: through 2030 and beyond).
     */
    public static final Duration ROOT_VALIDITY = Duration.ofDays(3653);
    /** How far before now a new certificate's validity starts, so a client whose clock is behind accepts it. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The longest lifetime signed: the most Apple platforms accept for a private CA's TLS server certificate. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(825);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SERIAL_BYTES = 16;
    private static final int MIN_RSA_BITS = 2048;
    private static final int MIN_EC_BITS = 256;

    private final Certificate certificate;
    private final KeyPair keyPair;

    private CertificateAuthority(Certificate certificate, KeyPair keyPair) {
        this.certificate = certificate;
        this.keyPair = keyPair;
    }

    /**
     * Makes a new root: a new P-256 key and its self-signed certificate.
     *
     * @param commonName the CA's Common Name, e.g. {@code CertBench CA (host.example.org)}
     * @param now        the current instant; validity starts {@link #CLOCK_SKEW} before it
     * @param validity   how long the root is valid, usually {@link #ROOT_VALIDITY}
     * @return the CA
     * @throws CertBenchCryptoException if the key cannot be made or signing fails
     */
    public static CertificateAuthority create(String commonName, Instant now, Duration validity)
            throws CertBenchCryptoException {
        KeyPair keyPair = PrivateKeys.generate(KeyType.EC_P256);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        SubjectPublicKeyInfo publicKey = PublicKeys.info(keyPair.getPublic());
        Instant start = now.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, serial(), Date.from(start),
                Date.from(start.plus(validity)), subject, publicKey);
        try {
            BcX509ExtensionUtils utils = new BcX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey));
        } catch (IOException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, "EC", String.valueOf(e.getMessage()));
        }
        X509CertificateHolder holder = builder.build(Signers.signer(keyPair.getPrivate(), publicKey));
        return new CertificateAuthority(encoded(holder, commonName), keyPair);
    }

    /**
     * The CA of a certificate and its key, as stored.
     *
     * @param certificate the CA's certificate; must be a CA (Basic Constraints CA=true)
     * @param keyPair     its key pair, as {@link PrivateKeys#read} returns it
     * @param keyName     how the key's file is known, for the message if it does not match
     * @return the CA
     * @throws CertBenchCryptoException if the key does not match the certificate or the certificate is no CA
     */
    public static CertificateAuthority of(Certificate certificate, KeyPair keyPair, String keyName)
            throws CertBenchCryptoException {
        if (!certificate.hasPublicKey(keyPair.getPublic())) {
            throw new KeyMismatchException(CryptoErrorCode.KEY_MISMATCH, certificate.subject(), keyName);
        }
        if (!certificate.isCertificateAuthority()) {
            throw new CertificateRejectedException(certificate.subject(), List.of(CryptoProblem.of(CryptoErrorCode.NOT_A_CA)));
        }
        return new CertificateAuthority(certificate, keyPair);
    }

    /** {@return the CA's certificate} */
    public Certificate certificate() {
        return certificate;
    }

    /** {@return the CA's private key, for storing it} */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** X.509's upper bound of a common name (ub-common-name, RFC 5280). */
    private static final int MAX_COMMON_NAME = 64;

    /**
     * Signs a CSR into a TLS server certificate for {@code names} (see the class comment for the profile and the
     * checks).
     *
     * @param csr      the request, signed by the key to certify
     * @param csrName  how the request is known (agent or file name), for messages
     * @param names    the DNS names and IP addresses the certificate is for, the first of at most 64 characters
     *                 (X.509's bound) being its Common Name; the CSR may ask for these or fewer, never others
     * @param now      the current instant
     * @param lifetime how long the certificate is valid; at most {@link #MAX_LIFETIME}, cut at the CA's own end
     * @return the certificate
     * @throws CertBenchCryptoException in words if the CSR's signature does not verify, its key is weak, it asks
     *         for a name not in {@code names}, a name is not a DNS name or IP address, the lifetime is too long, the
     *         CA is not valid now, or signing fails
     */
    public Certificate issue(CertificationRequest csr, String csrName, List<String> names, Instant now,
            Duration lifetime) throws CertBenchCryptoException {
        if (lifetime.compareTo(MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidRequestException(CryptoErrorCode.LIFETIME_NOT_SIGNED, String.valueOf(lifetime.toDays()),
                    MAX_LIFETIME.toDays());
        }
        if (!certificate.isValidAt(now)) {
            throw new InvalidRequestException(CryptoErrorCode.CA_NOT_VALID_NOW, certificate.subject(),
                    certificate.notBefore().toString(), certificate.notAfter().toString());
        }
        PKCS10CertificationRequest request = csr.request();
        if (!csr.isSignatureValid()) {
            throw new InvalidRequestException(CryptoErrorCode.CSR_SIGNATURE_INVALID, csrName);
        }
        SubjectPublicKeyInfo subjectKey = request.getSubjectPublicKeyInfo();
        requireStrongKey(subjectKey, csrName);
        List<SubjectAlternativeName> allowed = parseNames(names);
        requireRequestedNamesAllowed(request, csrName, allowed, names);
        Instant start = now.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(lifetime);
        if (end.isAfter(certificate.notAfter())) {
            end = certificate.notAfter();
        }
        // X.509's ub-common-name is 64 characters (a DNS name may have 253): the first name that fits is the common
        // name, every name is in the SAN, which is what clients check
        String commonName = allowed.stream().map(SubjectAlternativeName::value)
                .filter(name -> name.length() <= MAX_COMMON_NAME).findFirst().orElse(allowed.get(0).value());
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        X509CertificateHolder ca = certificate.holder();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ca.getSubject(), serial(), Date.from(start),
                Date.from(end), subject, subjectKey);
        try {
            Extensions profile = RequestedExtensions.endEntity(subjectKey, EnumSet.of(KeyPurpose.SERVER_AUTH), allowed,
                    true);
            for (ASN1ObjectIdentifier oid : profile.getExtensionOIDs()) {
                builder.addExtension(profile.getExtension(oid));
            }
            BcX509ExtensionUtils utils = new BcX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.getSubjectPublicKeyInfo()));
        } catch (IOException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, keyPair.getPrivate().getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
        X509CertificateHolder issued = builder.build(Signers.signer(keyPair.getPrivate(), ca.getSubjectPublicKeyInfo()));
        return encoded(issued, allowed.get(0).value());
    }

    /**
     * Signs a certificate revocation list (X.509 v2 CRL, RFC 5280) naming the revoked serial numbers.
     *
     * @param revoked    each revoked serial number with when it was revoked
     * @param number     the CRL's number, higher than every earlier one's
     * @param thisUpdate when it was made
     * @param nextUpdate when the next one will be made at the latest
     * @return the CRL
     * @throws CertBenchCryptoException if signing fails
     */
    public RevocationList revocationList(Map<BigInteger, Instant> revoked, BigInteger number, Instant thisUpdate,
            Instant nextUpdate) throws CertBenchCryptoException {
        X509CertificateHolder ca = certificate.holder();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(ca.getSubject(),
                Date.from(thisUpdate.truncatedTo(ChronoUnit.SECONDS)));
        builder.setNextUpdate(Date.from(nextUpdate.truncatedTo(ChronoUnit.SECONDS)));
        revoked.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> builder
                .addCRLEntry(entry.getKey(), Date.from(entry.getValue().truncatedTo(ChronoUnit.SECONDS)), 0));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new BcX509ExtensionUtils().createAuthorityKeyIdentifier(ca.getSubjectPublicKeyInfo()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return RevocationList.of(builder.build(Signers.signer(keyPair.getPrivate(), ca.getSubjectPublicKeyInfo()))
                    .getEncoded(), certificate.subject());
        } catch (IOException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, keyPair.getPrivate().getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
    }

    private static BigInteger serial() {
        byte[] bytes = new byte[SERIAL_BYTES];
        BigInteger serial;
        do {
            RANDOM.nextBytes(bytes);
            serial = new BigInteger(1, bytes);
        } while (serial.signum() == 0);
        return serial;
    }

    private static Certificate encoded(X509CertificateHolder holder, String name) throws MalformedInputException {
        try {
            return Certificates.parse(holder.getEncoded(), name);
        } catch (IOException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_CERTIFICATE, name,
                    String.valueOf(e.getMessage()));
        }
    }

    private static void requireStrongKey(SubjectPublicKeyInfo key, String csrName) throws InvalidRequestException {
        KeyDescription described = KeyAlgorithms.describe(key);
        int bits = described.bits().orElse(0);
        boolean strong = switch (described.algorithm()) {
            case "RSA" -> bits >= MIN_RSA_BITS;
            case "EC" -> bits >= MIN_EC_BITS;
            default -> false;
        };
        if (!strong) {
            throw new InvalidRequestException(CryptoErrorCode.CSR_KEY_NOT_SIGNED, csrName, described.algorithm(), bits);
        }
    }

    private static List<SubjectAlternativeName> parseNames(List<String> names) throws InvalidRequestException {
        Set<SubjectAlternativeName> parsed = new LinkedHashSet<>();
        for (String name : names) {
            SubjectAlternativeName one = SubjectAlternativeName.parse(name);
            parsed.add(one.type() == SubjectAlternativeName.Type.DNS ? SubjectAlternativeName.dns(dnsKey(one.value()))
                    : one);
        }
        if (parsed.isEmpty()) {
            throw new InvalidRequestException(CryptoErrorCode.EMPTY_COMMON_NAME);
        }
        return new ArrayList<>(parsed);
    }

    private static void requireRequestedNamesAllowed(PKCS10CertificationRequest request, String csrName,
            List<SubjectAlternativeName> allowed, List<String> names) throws InvalidRequestException {
        String allowedText = String.join(", ", names);
        for (RDN rdn : request.getSubject().getRDNs(BCStyle.CN)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (BCStyle.CN.equals(value.getType())) {
                    String commonName = value.getValue() instanceof ASN1String text ? text.getString()
                            : IETFUtils.valueToString(value.getValue());
                    if (!isAllowed(commonName, allowed)) {
                        throw new InvalidRequestException(CryptoErrorCode.CSR_NAME_NOT_REQUESTED, csrName,
                                "CN=" + commonName, allowedText);
                    }
                }
            }
        }
        Extensions requested = request.getRequestedExtensions();
        GeneralNames alternative;
        try {
            alternative = requested == null ? null
                    : GeneralNames.fromExtensions(requested, Extension.subjectAlternativeName);
        } catch (IllegalArgumentException | IllegalStateException damaged) {
            throw new InvalidRequestException(damaged, CryptoErrorCode.MALFORMED_CSR, csrName,
                    String.valueOf(damaged.getMessage()));
        }
        if (alternative == null) {
            return;
        }
        for (GeneralName name : alternative.getNames()) {
            String shown = shown(name);
            boolean ok = switch (name.getTagNo()) {
                case GeneralName.dNSName -> isAllowed(((ASN1String) name.getName()).getString(), allowed)
                        && !shown.contains("*");
                case GeneralName.iPAddress -> address(name).map(a -> allowed.contains(SubjectAlternativeName.ip(a)))
                        .orElse(false);
                default -> false;
            };
            if (!ok) {
                throw new InvalidRequestException(CryptoErrorCode.CSR_NAME_NOT_REQUESTED, csrName, shown, allowedText);
            }
        }
    }

    private static boolean isAllowed(String name, List<SubjectAlternativeName> allowed) {
        try {
            SubjectAlternativeName parsed = SubjectAlternativeName.parse(name);
            if (parsed.type() == SubjectAlternativeName.Type.DNS) {
                return allowed.contains(SubjectAlternativeName.dns(dnsKey(parsed.value())));
            }
            return allowed.contains(parsed);
        } catch (InvalidRequestException notAName) {
            return false;
        }
    }

    /** DNS names compare without regard to case or a trailing dot, as resolvers and TLS clients compare them. */
    private static String dnsKey(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static java.util.Optional<InetAddress> address(GeneralName name) {
        try {
            return java.util.Optional.of(InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()));
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return java.util.Optional.empty();
        }
    }

    private static String shown(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + ((ASN1String) name.getName()).getString();
            case GeneralName.iPAddress -> address(name).map(a -> "IP:" + a.getHostAddress()).orElse("IP:?");
            case GeneralName.rfc822Name -> "email:" + ((ASN1String) name.getName()).getString();
            case GeneralName.uniformResourceIdentifier -> "URI:" + ((ASN1String) name.getName()).getString();
            default -> "GeneralName[" + name.getTagNo() + "]";
        };
    }
}
