package org.certbench.crypto.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.OptionalInt;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.InvalidRequestException;

/**
 * Signing and signature checks, all through the BouncyCastle provider: it is measured several times faster
 * than the JDK's for ECDSA P-256 (ARCHITECTURE.md §7) and on par for RSA.
 */
public final class Signers {

    private Signers() {
    }

    public static ContentSigner signer(PrivateKey key, SubjectPublicKeyInfo publicKey) throws InvalidRequestException {
        String algorithm = signatureAlgorithm(publicKey);
        try {
            // BouncyCastle's signature engines accept every JDK key type only after re-encoding (EdDSA in particular).
            PrivateKey bcKey = KeyFactory.getInstance(key.getAlgorithm(), BouncyCastle.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            return new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(bcKey);
        } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.SIGNING_FAILED, key.getAlgorithm(),
                    String.valueOf(e.getMessage()));
        }
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
        try {
            return certificate.isSignatureValid(verifierBuilder().build(signerKey));
        } catch (CertException | OperatorCreationException | RuntimeException e) {
            // Unknown algorithms, mismatched key types and corrupt signatures all mean "not signed by this key".
            return false;
        }
    }

    public static boolean isSelfSignatureValid(PKCS10CertificationRequest request) {
        try {
            return request.isSignatureValid(verifierBuilder().build(request.getSubjectPublicKeyInfo()));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static JcaContentVerifierProviderBuilder verifierBuilder() {
        return new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER);
    }
}
