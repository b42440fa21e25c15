package org.certbench.crypto.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.InvalidRequestException;

/**
 * Signing and signature checks. Which implementation signs was chosen by measurement (one core, Temurin 25,
 * C2; numbers in bundles/org.certbench.crypto.fuzz/README.md):
 * <ul>
 * <li>EC and RSA (rsaEncryption) keys: the native provider ({@link NativeProvider}, AWS-LC) where it loads, as
 * fast as {@code openssl speed}; keys read or made by this bundle already belong to it, others are converted
 * once per signer.</li>
 * <li>Without it, EC: BouncyCastle's lightweight ECDSA on key parameters whose curve comes from BouncyCastle's
 * table of named curves. That table hands out one generator point per curve, which keeps the fixed-point comb
 * table BouncyCastle builds for it; a key converted through BouncyCastle's JCA provider gets a fresh copy
 * of the curve every time, so each signature rebuilt that table first (≈ 60 % of a P-256 CSR's time).
 * BouncyCastle's P-256 is also ≈ 1.8× faster than the JDK's SunEC here.</li>
 * <li>Without it, RSA: the JDK's SunRsaSign with the key as it is: both providers exponentiate with
 * {@code BigInteger}, but SunRsaSign keeps its blinding values between signatures where BouncyCastle draws
 * and inverts a new one for each, ≈ 8 % faster, and no key conversion is needed.</li>
 * <li>Everything else (Ed25519, Ed448, DSA, RSASSA-PSS keys): the BouncyCastle provider.</li>
 * </ul>
 * Signature checks follow the same rules.
 */
public final class Signers {

    private static final DefaultSignatureAlgorithmIdentifierFinder SIGNATURE_ALGORITHMS =
            new DefaultSignatureAlgorithmIdentifierFinder();
    private static final DefaultDigestAlgorithmIdentifierFinder DIGEST_ALGORITHMS =
            new DefaultDigestAlgorithmIdentifierFinder();

    private static final String SUN_RSA_SIGN = "SunRsaSign"; //$NON-NLS-1$

    /**
     * The signatures checked natively: those AWS-LC's provider implements under the names BouncyCastle asks for.
     * Others on RSA and EC keys (RSASSA-PSS, MD5 or SHA-1 with RSA, SHA-3) stay with BouncyCastle, which checks
     * them all: a check the native provider cannot make must not turn into "not signed by this key".
     */
    private static final Set<ASN1ObjectIdentifier> NATIVE_SIGNATURES = Set.of(PKCSObjectIdentifiers.sha256WithRSAEncryption,
            PKCSObjectIdentifiers.sha384WithRSAEncryption, PKCSObjectIdentifiers.sha512WithRSAEncryption,
            X9ObjectIdentifiers.ecdsa_with_SHA256, X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    private Signers() {
    }

    public static ContentSigner signer(PrivateKey key, SubjectPublicKeyInfo publicKey) throws InvalidRequestException {
        return signer(key, publicKey, NativeProvider.provider());
    }

    /** @param nativeProvider the native provider, or empty for the JDK and BouncyCastle only (tests compare) */
    static ContentSigner signer(PrivateKey key, SubjectPublicKeyInfo publicKey, Optional<Provider> nativeProvider)
            throws InvalidRequestException {
        String algorithm = signatureAlgorithm(publicKey);
        try {
            Optional<ContentSigner> nativeSigner = nativeSigner(key, publicKey, algorithm, nativeProvider);
            if (nativeSigner.isPresent()) {
                return nativeSigner.get();
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(publicKey.getAlgorithm().getAlgorithm())) {
                return ecSigner(key, algorithm);
            }
            if (PKCSObjectIdentifiers.rsaEncryption.equals(publicKey.getAlgorithm().getAlgorithm())
                    && "RSA".equals(key.getAlgorithm())) {
                // named: once the native provider is first in the list, JCA would pick it for "no provider"
                return new JcaContentSignerBuilder(algorithm).setProvider(SUN_RSA_SIGN).build(key);
            }
            // BouncyCastle's signature engines accept every JDK key type only after re-encoding (EdDSA in particular).
            PrivateKey bcKey = KeyFactory.getInstance(key.getAlgorithm(), BouncyCastle.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            return new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(bcKey);
        } catch (GeneralSecurityException | OperatorCreationException | IOException | RuntimeException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, key.getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
    }

    private static Optional<ContentSigner> nativeSigner(PrivateKey key, SubjectPublicKeyInfo publicKey,
            String algorithm, Optional<Provider> provider) {
        if (provider.isEmpty() || !isEcOrRsa(publicKey) || !NativeProvider.handles(key.getAlgorithm())) {
            return Optional.empty();
        }
        Optional<PrivateKey> nativeKey = NativeProvider.owns(key) ? Optional.of(key)
                : NativeProvider.privateKey(new PKCS8EncodedKeySpec(key.getEncoded()), key.getAlgorithm());
        if (nativeKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JcaContentSignerBuilder(algorithm).setProvider(provider.get()).build(nativeKey.get()));
        } catch (OperatorCreationException | RuntimeException nativeCannot) {
            return Optional.empty(); // the JDK or BouncyCastle signs instead
        }
    }

    private static boolean isEcOrRsa(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) || PKCSObjectIdentifiers.rsaEncryption.equals(algorithm);
    }

    /** ECDSA without JCA; see the class comment for why. */
    private static ContentSigner ecSigner(PrivateKey key, String algorithm)
            throws IOException, OperatorCreationException {
        AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(key.getEncoded()));
        if (!(parameters instanceof ECPrivateKeyParameters)) {
            throw new OperatorCreationException("not an EC private key: " + key.getAlgorithm());
        }
        AlgorithmIdentifier signatureAlgorithm = SIGNATURE_ALGORITHMS.find(algorithm);
        return new BcECContentSignerBuilder(signatureAlgorithm, DIGEST_ALGORITHMS.find(signatureAlgorithm))
                .build(parameters);
    }

    static String signatureAlgorithm(SubjectPublicKeyInfo publicKey) {
        KeyDescription key = KeyAlgorithms.describe(publicKey);
        return switch (key.algorithm()) {
            case "EC" -> "SHA" + ecdsaHashBits(key.bits()) + "withECDSA";
            case "Ed25519", "Ed448" -> key.algorithm();
            case "DSA" -> "SHA256withDSA";
            default -> "SHA256withRSA";
        };
    }

    /** The hash matches the curve's strength, as RFC 5480 recommends (P-384 with SHA-384, P-521 with SHA-512). */
    private static int ecdsaHashBits(OptionalInt fieldBits) {
        int bits = fieldBits.orElse(256);
        if (bits <= 256) {
            return 256;
        }
        return bits <= 384 ? 384 : 512;
    }

    public static boolean isSignedBy(X509CertificateHolder certificate, SubjectPublicKeyInfo signerKey) {
        return isSignedBy(certificate, signerKey, NativeProvider.provider());
    }

    static boolean isSignedBy(X509CertificateHolder certificate, SubjectPublicKeyInfo signerKey,
            Optional<Provider> nativeProvider) {
        if (!KeyAlgorithms.withinComputeLimits(signerKey)) {
            return false;
        }
        try {
            return certificate.isSignatureValid(verifier(signerKey, certificate.getSignatureAlgorithm(), nativeProvider));
        } catch (CertException | OperatorCreationException | IOException | RuntimeException e) {
            // Unknown algorithms, mismatched key types and corrupt signatures all mean "not signed by this key".
            return false;
        }
    }

    public static boolean isCrlSignedBy(org.bouncycastle.cert.X509CRLHolder crl, SubjectPublicKeyInfo signerKey) {
        if (!KeyAlgorithms.withinComputeLimits(signerKey)) {
            return false;
        }
        try {
            return crl.isSignatureValid(verifier(signerKey, crl.toASN1Structure().getSignatureAlgorithm(),
                    NativeProvider.provider()));
        } catch (CertException | OperatorCreationException | IOException | RuntimeException e) {
            return false;
        }
    }

    public static boolean isSelfSignatureValid(PKCS10CertificationRequest request) {
        if (!KeyAlgorithms.withinComputeLimits(request.getSubjectPublicKeyInfo())) {
            return false;
        }
        try {
            return request.isSignatureValid(verifier(request.getSubjectPublicKeyInfo(), request.getSignatureAlgorithm(),
                    NativeProvider.provider()));
        } catch (PKCSException | OperatorCreationException | IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * EC keys go to BouncyCastle's lightweight ECDSA for the same reason as in {@link #signer}: through its JCA
     * provider every check rebuilt the generator's precomputed table (P-256 read + summary 3,500/s before).
     */
    private static ContentVerifierProvider verifier(SubjectPublicKeyInfo key, AlgorithmIdentifier signatureAlgorithm,
            Optional<Provider> nativeProvider) throws OperatorCreationException, IOException {
        Optional<ContentVerifierProvider> nativeVerifier = NATIVE_SIGNATURES.contains(signatureAlgorithm.getAlgorithm())
                ? nativeVerifier(key, nativeProvider)
                : Optional.empty();
        if (nativeVerifier.isPresent()) {
            return nativeVerifier.get();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(key.getAlgorithm().getAlgorithm())) {
            return new BcECContentVerifierProviderBuilder(DIGEST_ALGORITHMS).build(PublicKeyFactory.createKey(key));
        }
        return new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(key);
    }

    private static Optional<ContentVerifierProvider> nativeVerifier(SubjectPublicKeyInfo key,
            Optional<Provider> provider) throws OperatorCreationException, IOException {
        if (provider.isEmpty() || !isEcOrRsa(key)) {
            return Optional.empty();
        }
        PublicKey publicKey;
        try {
            publicKey = KeyFactory.getInstance(KeyAlgorithms.jcaName(key.getAlgorithm().getAlgorithm()), provider.get())
                    .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException unsupported) {
            return Optional.empty(); // a curve AWS-LC does not implement: BouncyCastle checks it
        }
        return Optional.of(new JcaContentVerifierProviderBuilder().setProvider(provider.get()).build(publicKey));
    }
}
