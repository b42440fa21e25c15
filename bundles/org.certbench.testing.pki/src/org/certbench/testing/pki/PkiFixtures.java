package org.certbench.testing.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Makes test certificates and keys with BouncyCastle for every bundle's tests; every fixture is generated, none
 * is stored. Not part of the product.
 */
public final class PkiFixtures {

    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final Instant YEAR_AGO = Instant.parse("2025-06-01T12:00:00Z");
    public static final Instant IN_A_YEAR = Instant.parse("2027-06-01T12:00:00Z");

    private static final java.security.Provider PROVIDER = new BouncyCastleProvider();
    private static final String PLACEHOLDER = "CN=placeholder for an empty name";
    private static final AtomicLong SERIALS = new AtomicLong(1000);
    private static KeyPair sharedEc;
    private static KeyPair sharedRsa;

    private PkiFixtures() {
    }

    public static synchronized KeyPair ec() {
        if (sharedEc == null) {
            sharedEc = generate("EC", new ECGenParameterSpec("secp256r1"), 0);
        }
        return sharedEc;
    }

    public static synchronized KeyPair rsa() {
        if (sharedRsa == null) {
            sharedRsa = generate("RSA", null, 2048);
        }
        return sharedRsa;
    }

    public static KeyPair freshEc() {
        return generate("EC", new ECGenParameterSpec("secp256r1"), 0);
    }

    public static KeyPair generate(String algorithm, AlgorithmParameterSpec spec, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Builder certificate(String subject) {
        return new Builder(subject);
    }

    /** A CA certificate valid around {@link #NOW}. */
    public static byte[] ca(String subject, KeyPair key) {
        return certificate(subject).key(key).ca(true).build();
    }

    /** A DNS name (subtree base or alternative name). */
    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    /** An email address or domain (subtree base or alternative name). */
    public static GeneralName emailName(String name) {
        return new GeneralName(GeneralName.rfc822Name, name);
    }

    /** An address range as a name constraint wants it: address and mask, from CIDR text such as 10.0.0.0/8. */
    public static GeneralName ipRange(String cidr) {
        try {
            int slash = cidr.indexOf('/');
            byte[] address = java.net.InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            byte[] both = new byte[address.length * 2];
            System.arraycopy(address, 0, both, 0, address.length);
            for (int bit = 0; bit < prefix; bit++) {
                both[address.length + bit / 8] |= (byte) (0x80 >>> (bit % 8));
            }
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(both));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** PEM text of a certificate. */
    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** PEM text (PKCS#8) of a private key, as servers such as openssl s_server read it. */
    public static String privateKeyPem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    public static final class Builder {
        private final String subject;
        private String issuer;
        private KeyPair key = ec();
        private KeyPair issuerKey;
        private Instant notBefore = YEAR_AGO;
        private Instant notAfter = IN_A_YEAR;
        private Boolean ca;
        private String signatureAlgorithm;
        private final List<KeyPurposeId> purposes = new ArrayList<>();
        private final List<GeneralName> names = new ArrayList<>();
        private int keyUsage = -1;
        private Integer pathLength;
        private final List<GeneralSubtree> permitted = new ArrayList<>();
        private final List<GeneralSubtree> excluded = new ArrayList<>();
        private final List<Extension> rawExtensions = new ArrayList<>();

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder key(KeyPair value) {
            key = value;
            return this;
        }

        public Builder issuedBy(String issuerName, KeyPair signer) {
            issuer = issuerName;
            issuerKey = signer;
            return this;
        }

        public Builder validity(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        public Builder ca(boolean value) {
            ca = value;
            return this;
        }

        public Builder signatureAlgorithm(String value) {
            signatureAlgorithm = value;
            return this;
        }

        public Builder purpose(KeyPurposeId value) {
            purposes.add(value);
            return this;
        }

        public Builder dns(String value) {
            names.add(new GeneralName(GeneralName.dNSName, value));
            return this;
        }

        public Builder ip(byte... address) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address)));
            return this;
        }

        public Builder keyUsage(int value) {
            keyUsage = value;
            return this;
        }

        public Builder email(String value) {
            names.add(new GeneralName(GeneralName.rfc822Name, value));
            return this;
        }

        /** A CA certificate with a path length constraint (Basic Constraints CA=true, pathLen). */
        public Builder pathLength(int value) {
            ca = true;
            pathLength = value;
            return this;
        }

        /** A permitted subtree of the name constraints: {@code dns("example.com")}, {@code ipRange("10.0.0.0/8")}… */
        public Builder permit(GeneralName base) {
            permitted.add(new GeneralSubtree(base));
            return this;
        }

        public Builder exclude(GeneralName base) {
            excluded.add(new GeneralSubtree(base));
            return this;
        }

        /** Any extension as given, for structures the other methods cannot make (damaged ones among them). */
        public Builder extension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
            rawExtensions.add(new Extension(oid, critical, value));
            return this;
        }

        public byte[] build() {
            try {
                KeyPair signer = issuerKey == null ? key : issuerKey;
                X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name(issuer == null ? subject : issuer),
                        BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                        name(subject), SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()));
                if (pathLength != null) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
                } else if (ca != null) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                }
                if (!permitted.isEmpty() || !excluded.isEmpty()) {
                    builder.addExtension(Extension.nameConstraints, true, new NameConstraints(
                            permitted.isEmpty() ? null : permitted.toArray(GeneralSubtree[]::new),
                            excluded.isEmpty() ? null : excluded.toArray(GeneralSubtree[]::new)));
                }
                for (Extension extension : rawExtensions) {
                    builder.addExtension(extension);
                }
                if (keyUsage >= 0) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (!purposes.isEmpty()) {
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
                }
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
                String algorithm = signatureAlgorithm != null ? signatureAlgorithm : defaultAlgorithm(signer);
                ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).setProvider(PROVIDER)
                        .build(signer.getPrivate());
                X509CertificateHolder built = builder.build(contentSigner);
                boolean emptyNames = subject.isEmpty() || (issuer != null && issuer.isEmpty());
                return emptyNames ? withEmptyNames(built, contentSigner) : built.getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static X500Name name(String text) {
            return new X500Name(text.isEmpty() ? PLACEHOLDER : text);
        }

        /**
         * BouncyCastle's builder refuses empty names, but such CA certificates exist in the field: the
         * placeholder names are swapped for empty ones at the ASN.1 level and the result signed again.
         */
        private byte[] withEmptyNames(X509CertificateHolder built, ContentSigner contentSigner) throws Exception {
            ASN1Sequence tbs = ASN1Sequence.getInstance(built.toASN1Structure().getTBSCertificate());
            ASN1EncodableVector fields = new ASN1EncodableVector();
            for (int i = 0; i < tbs.size(); i++) {
                ASN1Encodable field = tbs.getObjectAt(i);
                boolean placeholder = (i == 3 || i == 5) && new X500Name(PLACEHOLDER).equals(X500Name.getInstance(field));
                fields.add(placeholder ? new X500Name(new RDN[0]) : field);
            }
            byte[] tbsBytes = new DERSequence(fields).getEncoded("DER");
            contentSigner.getOutputStream().write(tbsBytes);
            return new DERSequence(new ASN1Encodable[] { ASN1Sequence.getInstance(tbsBytes),
                    contentSigner.getAlgorithmIdentifier(), new DERBitString(contentSigner.getSignature()) })
                    .getEncoded("DER");
        }

        private static String defaultAlgorithm(KeyPair signer) {
            return switch (signer.getPrivate().getAlgorithm()) {
                case "EC" -> "SHA256withECDSA";
                case "RSA" -> "SHA256withRSA";
                case "DSA" -> "SHA256withDSA";
                default -> signer.getPrivate().getAlgorithm();
            };
        }
    }
}
