package org.certbench.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.certbench.crypto.internal.BouncyCastle;
import org.certbench.crypto.internal.DisplayFormats;
import org.certbench.crypto.internal.DistinguishedNames;
import org.certbench.crypto.internal.EmptyIssuerTolerance;
import org.certbench.crypto.internal.ExtensionTexts;
import org.certbench.crypto.internal.HostNames;
import org.certbench.crypto.internal.KeyAlgorithms;
import org.certbench.crypto.internal.KeyDescription;
import org.certbench.crypto.internal.Messages;
import org.certbench.crypto.internal.NameConstraintsCheck;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * Decides whether the certificate chain a TLS server sent is trusted for a host, against the CA certificates
 * of the trust store, and says why not in words that name the certificate concerned. The one place of chain
 * validation for outbound connections.
 * <p>
 * The path is built from the server's certificate upwards through the certificates it sent, in any order, to
 * a CA certificate of the store. Then, as RFC 5280 and today's validators (OpenSSL, Go, BoringSSL) apply it:
 * every certificate of the path and the store's CA certificate itself must be within its validity; each
 * issuer must be a CA (Basic Constraints CA=true, keyCertSign when it has a Key Usage); the path length
 * constraints <em>and name constraints of the store's CA certificate</em> hold as those of the intermediates
 * do (the JDK's PKIX validator refuses a trust anchor with name constraints, BouncyCastle's ignores the
 * anchor's unless handed them apart), a wildcard name counting as excluded when a name it stands for could be;
 * no CA of the path, the store's included, has an Extended Key Usage that leaves out TLS servers; the server
 * certificate names the host (subject alternative names only, plain ASCII) and allows a TLS server (Key Usage,
 * digitalSignature in TLS 1.3, Extended Key Usage); no critical extension is left unprocessed. By
 * policy, RSA and DSA keys under {@value #MIN_RSA_BITS} bits, EC keys under {@value #MIN_EC_BITS} bits and MD2,
 * MD5 or SHA-1 signatures are refused. A chain that passes all this is validated once more by BouncyCastle's
 * PKIX validator with the anchor's name constraints, so that nothing it refuses (certificate policies, for
 * one) is accepted here.
 */
public final class ServerChainValidator {

    /** How many certificates from the server are considered at most (the JDK's TLS stack takes 10 as well). */
    public static final int MAX_CHAIN = 10;
    /** The smallest RSA modulus, in bits, accepted in a chain. */
    public static final int MIN_RSA_BITS = 2048;
    /** The smallest EC field size, in bits, accepted in a chain. */
    public static final int MIN_EC_BITS = 224;
    private static final int MAX_STEPS = 64;

    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD = Set.of(Extension.basicConstraints,
            Extension.keyUsage, Extension.extendedKeyUsage, Extension.subjectAlternativeName,
            Extension.issuerAlternativeName, Extension.nameConstraints, Extension.certificatePolicies,
            Extension.policyConstraints, Extension.policyMappings, Extension.inhibitAnyPolicy,
            Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier, Extension.cRLDistributionPoints,
            Extension.authorityInfoAccess, Extension.subjectInfoAccess, Extension.freshestCRL);

    private ServerChainValidator() {
    }

    /**
     * Checks a chain a server presented against the store's CAs, at the given time.
     * @param presented the certificates the server sent, its own first
     * @param anchors   the CA certificates of the store
     * @param host      the host name or address the connection asked for, or {@code null} to not check names
     * @param now       the instant validity is judged at
     */
    public static ServerChainVerdict validate(List<Certificate> presented, Collection<Certificate> anchors,
            String host, Instant now) {
        return validate(presented, TrustAnchorIndex.of(anchors), host, now);
    }

    /** As {@link #validate(List, Collection, String, Instant)}, with anchors indexed once for many connections. */
    public static ServerChainVerdict validate(List<Certificate> presented, TrustAnchorIndex anchors, String host,
            Instant now) {
        return validate(presented, anchors, host, now, null);
    }

    /**
     * As {@link #validate(List, TrustAnchorIndex, String, Instant)}, for a handshake of the given protocol.
     *
     * @param protocol the protocol negotiated ("TLSv1.3", "TLSv1.2", as {@code SSLSession.getProtocol()} says), or
     *                 {@code null} when unknown: in TLS 1.3 the server's key must sign (digitalSignature)
     */
    public static ServerChainVerdict validate(List<Certificate> presented, TrustAnchorIndex anchors, String host,
            Instant now, String protocol) {
        if (presented.isEmpty()) {
            return new ServerChainVerdict(List.of(), null, List.of(CryptoProblem.of(CryptoErrorCode.CHAIN_EMPTY)));
        }
        if (presented.size() > MAX_CHAIN) {
            return new ServerChainVerdict(List.of(presented.get(0)), null, List.of(CryptoProblem
                    .of(CryptoErrorCode.CHAIN_TOO_LONG, String.valueOf(presented.size()), String.valueOf(MAX_CHAIN))));
        }
        PathSearch search = new PathSearch(presented.subList(1, presented.size()), anchors, now,
                (path, anchor) -> problems(path, anchor, host, now, protocol));
        List<Certificate> start = new ArrayList<>(List.of(presented.get(0)));
        PathSearch.Found found = search.run(start);
        if (found.anchor() == null) {
            return new ServerChainVerdict(found.path(), null, List.of(search.whyNoAnchor(found.path())));
        }
        return new ServerChainVerdict(found.path(), found.anchor(), found.problems());
    }

    private static List<CryptoProblem> problems(List<Certificate> path, Certificate anchor, String host, Instant now,
            String protocol) {
        List<CryptoProblem> problems = new PathRules(path, anchor, now).check(host, protocol);
        if (problems.isEmpty()) {
            CryptoProblem backstop = pkixRefusal(path, anchor, now);
            if (backstop != null) {
                problems = List.of(backstop);
            }
        }
        return problems;
    }

    /**
     * The words for a certificate in its place: "the server certificate 'www.example.com'", "the intermediate
     * CA certificate 'Example Issuing CA'", "the CA certificate 'Example Root' of the store".
     */
    static String role(Certificate certificate, Role role) {
        String name = DistinguishedNames.commonName(certificate.holder().getSubject()).orElseGet(certificate::subject);
        return Messages.format("ROLE_" + role.name(), name);
    }

    enum Role {
        SERVER, INTERMEDIATE, STORE_CA
    }

    static String name(Certificate certificate) {
        return SummaryFactory.commonNameText(certificate.holder().getSubject());
    }

    /**
     * Depth-first search for a path from the server's certificate to an anchor, through what the server sent. Each
     * path that reaches an anchor is judged by all the rules at once, and the search goes on past a refused one: a
     * store holding an expired CA certificate beside its renewal (same name and key), or a server sending an old
     * intermediate beside the new one, must not be refused because the old one happened to come first. Candidates
     * valid now are tried first, so the path judged first, whose reasons are given when none passes, is the one an
     * administrator would expect.
     */
    private static final class PathSearch {

        record Found(List<Certificate> path, Certificate anchor, List<CryptoProblem> problems) {
        }

        interface Judge {
            List<CryptoProblem> problems(List<Certificate> path, Certificate anchor);
        }

        private final List<Certificate> sent;
        private final TrustAnchorIndex anchors;
        private final Instant now;
        private final Judge judge;
        private Certificate anchorWithOtherKey;
        private Certificate sentWithOtherKey;
        private Found accepted;
        private Found firstRefused;
        private List<Certificate> longest = List.of();
        /**
         * Paths extended and paths judged, at most: certificates sent to loop into each other must not make a search
         * of 10! paths, nor many anchors of one name a judgement of each.
         */
        private int budget = MAX_STEPS;

        PathSearch(List<Certificate> sent, TrustAnchorIndex anchors, Instant now, Judge judge) {
            this.sent = preferValid(sent, now);
            this.anchors = anchors;
            this.now = now;
            this.judge = judge;
        }

        /** The first path that passes, else the first judged (refused), else the longest path with no anchor. */
        Found run(List<Certificate> start) {
            search(start);
            if (accepted != null) {
                return accepted;
            }
            return firstRefused != null ? firstRefused : new Found(longest, null, List.of());
        }

        /** {@code true} once a path passing all rules is found. */
        private boolean search(List<Certificate> path) {
            Certificate current = path.get(path.size() - 1);
            X509CertificateHolder holder = current.holder();
            for (Certificate anchor : preferValid(anchors.withSubject(holder.getIssuer()), now)) {
                if (!current.isSignedBy(anchor)) {
                    anchorWithOtherKey = anchor;
                    continue;
                }
                if (--budget < 0) {
                    return false;
                }
                Found found = new Found(List.copyOf(path), anchor, judge.problems(path, anchor));
                if (found.problems().isEmpty()) {
                    accepted = found;
                    return true;
                }
                if (firstRefused == null) {
                    firstRefused = found;
                }
            }
            if (path.size() > longest.size()) {
                longest = List.copyOf(path);
            }
            if (path.size() > MAX_CHAIN || --budget < 0) {
                return false;
            }
            for (Certificate candidate : sent) {
                if (path.contains(candidate) || !holder.getIssuer().equals(candidate.holder().getSubject())) {
                    continue;
                }
                if (!current.isSignedBy(candidate)) {
                    sentWithOtherKey = candidate;
                    continue;
                }
                path.add(candidate);
                boolean passed = search(path);
                path.remove(path.size() - 1);
                if (passed) {
                    return true;
                }
            }
            return false;
        }

        /** The same certificates, those valid at {@code now} first, each group in its order. */
        private static List<Certificate> preferValid(List<Certificate> certificates, Instant now) {
            List<Certificate> ordered = new ArrayList<>(certificates.size());
            List<Certificate> invalid = new ArrayList<>();
            for (Certificate certificate : certificates) {
                boolean valid = !now.isBefore(certificate.notBefore()) && !now.isAfter(certificate.notAfter());
                (valid ? ordered : invalid).add(certificate);
            }
            ordered.addAll(invalid);
            return ordered;
        }

        CryptoProblem whyNoAnchor(List<Certificate> path) {
            Certificate top = path.get(path.size() - 1);
            String topRole = role(top, path.size() == 1 ? Role.SERVER : Role.INTERMEDIATE);
            String issuer = SummaryFactory.commonNameText(top.holder().getIssuer());
            if (anchorWithOtherKey != null) {
                return CryptoProblem.of(CryptoErrorCode.CHAIN_ANCHOR_KEY_MISMATCH, topRole, issuer,
                        anchorWithOtherKey.sha256Fingerprint());
            }
            if (sentWithOtherKey != null) {
                return CryptoProblem.of(CryptoErrorCode.CHAIN_BAD_SIGNATURE, topRole, issuer);
            }
            if (path.size() == 1 && !top.isSelfSigned()) {
                return CryptoProblem.of(CryptoErrorCode.CHAIN_ISSUER_NOT_SENT, topRole, issuer);
            }
            return CryptoProblem.of(CryptoErrorCode.CHAIN_ISSUER_UNKNOWN, topRole, issuer);
        }
    }

    /** The rules a built path must keep, each broken one as a problem naming its certificate. */
    private static final class PathRules {

        private final List<Certificate> all = new ArrayList<>();
        private final int anchorIndex;
        private final Instant now;
        private final List<CryptoProblem> problems = new ArrayList<>();

        PathRules(List<Certificate> path, Certificate anchor, Instant now) {
            all.addAll(path);
            all.add(anchor);
            this.anchorIndex = path.size();
            this.now = now;
        }

        List<CryptoProblem> check(String host, String protocol) {
            for (int i = 0; i <= anchorIndex; i++) {
                validity(i);
            }
            if (host != null) {
                hostName(host);
            }
            serverUsage("TLSv1.3".equals(protocol));
            for (int i = 1; i <= anchorIndex; i++) {
                issuer(i);
                issuerPurpose(i);
            }
            for (int i = 0; i <= anchorIndex; i++) {
                criticalExtensions(i);
                keyPolicy(i);
                if (i < anchorIndex) {
                    signaturePolicy(i);
                }
            }
            return problems;
        }

        private String role(int index) {
            return ServerChainValidator.role(all.get(index),
                    index == 0 ? Role.SERVER : index == anchorIndex ? Role.STORE_CA : Role.INTERMEDIATE);
        }

        private X509CertificateHolder holder(int index) {
            return all.get(index).holder();
        }

        private void add(CryptoErrorCode code, Object... arguments) {
            problems.add(CryptoProblem.of(code, arguments));
        }

        private void validity(int index) {
            Certificate certificate = all.get(index);
            if (now.isBefore(certificate.notBefore())) {
                add(CryptoErrorCode.CHAIN_NOT_YET_VALID, role(index), DisplayFormats.dateTime(certificate.notBefore()));
            } else if (now.isAfter(certificate.notAfter())) {
                add(CryptoErrorCode.CHAIN_EXPIRED, role(index), DisplayFormats.dateTime(certificate.notAfter()));
            }
        }

        private void hostName(String host) {
            Extensions extensions = holder(0).getExtensions();
            GeneralNames names = extensions == null ? null
                    : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
            switch (HostNames.match(names, host)) {
            case MATCHED -> {
            }
            case NO_NAMES -> add(CryptoErrorCode.CHAIN_NO_NAMES, role(0), host);
            case ADDRESS_ONLY_AS_DNS -> add(CryptoErrorCode.CHAIN_ADDRESS_AS_DNS, role(0), host,
                    HostNames.hostNamesText(names));
            case MISMATCH -> add(CryptoErrorCode.CHAIN_NAME_MISMATCH, role(0), host, HostNames.hostNamesText(names));
            }
        }

        /** In TLS 1.3 the server always signs the handshake (RFC 8446 4.4.2.2); key transport is gone. */
        private void serverUsage(boolean tls13) {
            Extensions extensions = holder(0).getExtensions();
            KeyUsage usage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
            if (usage != null && !usage.hasUsages(KeyUsage.digitalSignature) && !usage.hasUsages(KeyUsage.keyEncipherment)
                    && !usage.hasUsages(KeyUsage.keyAgreement)) {
                add(CryptoErrorCode.CHAIN_SERVER_KEY_USAGE, role(0), usageText(ExtensionTexts.keyUsage(extensions)));
            } else if (usage != null && tls13 && !usage.hasUsages(KeyUsage.digitalSignature)) {
                add(CryptoErrorCode.CHAIN_SERVER_KEY_USAGE_TLS13, role(0),
                        usageText(ExtensionTexts.keyUsage(extensions)));
            }
            ExtendedKeyUsage purposes = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
            if (purposes != null && !purposes.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)
                    && !purposes.hasKeyPurposeId(KeyPurposeId.anyExtendedKeyUsage)) {
                add(CryptoErrorCode.CHAIN_SERVER_EXTENDED_KEY_USAGE, role(0),
                        usageText(ExtensionTexts.extendedKeyUsage(extensions)));
            }
        }

        private void issuer(int index) {
            Extensions extensions = holder(index).getExtensions();
            BasicConstraints constraints = ExtensionTexts.basicConstraints(extensions);
            if (constraints == null || !constraints.isCA()) {
                add(CryptoErrorCode.CHAIN_ISSUER_NOT_CA, role(index), role(index - 1),
                        ExtensionTexts.basicConstraintsText(constraints));
                return;
            }
            KeyUsage usage = KeyUsage.fromExtensions(extensions);
            if (usage != null && !usage.hasUsages(KeyUsage.keyCertSign)) {
                add(CryptoErrorCode.CHAIN_ISSUER_KEY_USAGE, role(index), role(index - 1),
                        usageText(ExtensionTexts.keyUsage(extensions)));
            }
            pathLength(index, constraints);
            nameConstraints(index);
        }

        /**
         * A CA whose Extended Key Usage leaves out TLS servers is not trusted to issue for them: the CA/Browser
         * Forum's rule for intermediates, which OpenSSL, Go and the browsers apply to every CA of the path.
         */
        private void issuerPurpose(int index) {
            Extensions extensions = holder(index).getExtensions();
            ExtendedKeyUsage purposes = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
            if (purposes != null && !purposes.hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth)
                    && !purposes.hasKeyPurposeId(KeyPurposeId.anyExtendedKeyUsage)) {
                add(CryptoErrorCode.CHAIN_ISSUER_EXTENDED_KEY_USAGE, role(index),
                        usageText(ExtensionTexts.extendedKeyUsage(extensions)));
            }
        }

        /** RFC 5280 6.1.4 (l, m): self-issued intermediates do not count. */
        private void pathLength(int index, BasicConstraints constraints) {
            if (constraints.getPathLenConstraint() == null) {
                return;
            }
            List<String> below = new ArrayList<>();
            for (int j = 1; j < index; j++) {
                if (!selfIssued(j)) {
                    below.add("'" + name(all.get(j)) + "'");
                }
            }
            int allowed = constraints.getPathLenConstraint().intValue();
            if (below.size() > allowed) {
                // numbers, not text: the message's choice picks "1 intermediate CA certificate" on them
                add(CryptoErrorCode.CHAIN_PATH_LENGTH, role(index), allowed, below.size(), String.join(", ", below));
            }
        }

        private void nameConstraints(int index) {
            NameConstraintsCheck constraints;
            try {
                constraints = NameConstraintsCheck.of(holder(index));
            } catch (NameConstraintsCheck.UnreadableException e) {
                add(CryptoErrorCode.CHAIN_CONSTRAINTS_UNREADABLE, role(index), e.getMessage());
                return;
            }
            if (constraints == null) {
                return;
            }
            for (int j = index - 1; j >= 0; j--) {
                String outside;
                try {
                    outside = constraints.violation(holder(j), j == 0 || !selfIssued(j));
                } catch (NameConstraintsCheck.UnreadableNameException e) {
                    add(CryptoErrorCode.CHAIN_SUBJECT_EMAIL_UNREADABLE, role(j), role(index));
                    return;
                }
                if (outside != null) {
                    add(CryptoErrorCode.CHAIN_NAME_CONSTRAINTS, outside, role(j), role(index), constraints.describe());
                    return;
                }
            }
        }

        private boolean selfIssued(int index) {
            return holder(index).getIssuer().equals(holder(index).getSubject());
        }

        private void criticalExtensions(int index) {
            Extensions extensions = holder(index).getExtensions();
            if (extensions == null) {
                return;
            }
            for (ASN1ObjectIdentifier oid : extensions.getCriticalExtensionOIDs()) {
                if (!UNDERSTOOD.contains(oid)) {
                    add(CryptoErrorCode.CHAIN_CRITICAL_EXTENSION, role(index), oid.getId());
                }
            }
        }

        private void keyPolicy(int index) {
            KeyDescription key = KeyAlgorithms.describe(holder(index).getSubjectPublicKeyInfo());
            OptionalInt bits = key.bits();
            if (bits.isEmpty()) {
                return;
            }
            boolean rsaOrDsa = key.algorithm().startsWith("RSA") || "DSA".equals(key.algorithm());
            int minimum = rsaOrDsa ? MIN_RSA_BITS : "EC".equals(key.algorithm()) ? MIN_EC_BITS : 0;
            if (bits.getAsInt() < minimum) {
                add(CryptoErrorCode.CHAIN_WEAK_KEY, role(index), key.algorithm(), String.valueOf(bits.getAsInt()),
                        String.valueOf(minimum));
            }
        }

        private void signaturePolicy(int index) {
            String algorithm = SummaryFactory.signatureAlgorithm(holder(index));
            String upper = algorithm.toUpperCase(Locale.ROOT);
            if (upper.contains("SHA1") || upper.contains("MD5") || upper.contains("MD2")) {
                add(CryptoErrorCode.CHAIN_WEAK_SIGNATURE, role(index), algorithm);
            }
        }

        private static String usageText(List<String> usages) {
            return usages.isEmpty() ? Messages.format("ABSENT") : String.join(", ", usages);
        }
    }

    /** BouncyCastle's PKIX validation of the built path, with the anchor's name constraints handed to it. */
    private static CryptoProblem pkixRefusal(List<Certificate> path, Certificate anchor, Instant now) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : path) {
                certificates.add(certificate.toX509Certificate());
            }
            Extension constraints = anchor.holder().getExtension(Extension.nameConstraints);
            byte[] encoded = constraints == null ? null
                    : constraints.getParsedValue().toASN1Primitive().getEncoded(ASN1Encoding.DER);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor.toX509Certificate(), encoded)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPath certPath = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER) //$NON-NLS-1$
                    .generateCertPath(certificates);
            EmptyIssuerTolerance.parse(() -> CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER) //$NON-NLS-1$
                    .validate(certPath, parameters));
            return null;
        } catch (java.security.cert.CertPathValidatorException e) {
            int index = e.getIndex();
            String concerned = index >= 0 && index < path.size()
                    ? role(path.get(index), index == 0 ? Role.SERVER : Role.INTERMEDIATE)
                    : role(anchor, Role.STORE_CA);
            return CryptoProblem.of(CryptoErrorCode.CHAIN_PKIX_REFUSED, concerned, String.valueOf(e.getMessage()));
        } catch (GeneralSecurityException | CertBenchCryptoException | IOException | RuntimeException e) {
            return CryptoProblem.of(CryptoErrorCode.CHAIN_PKIX_REFUSED, role(path.get(0), Role.SERVER),
                    String.valueOf(e.getMessage()));
        }
    }
}
