package org.certbench.crypto.internal;

import java.io.IOException;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.MalformedInputException;
import org.certbench.crypto.UnsupportedKeyException;

/**
 * Computes the public key of a private key. Key files often omit it (PKCS#8 EC keys from Java, DSA), and
 * the key ↔ certificate check must not depend on a public key the file merely claims.
 */
final class PublicKeyDerivation {

    private PublicKeyDerivation() {
    }

    static SubjectPublicKeyInfo publicKeyOf(PrivateKeyInfo info, String name)
            throws UnsupportedKeyException, MalformedInputException {
        AsymmetricKeyParameter privateKey;
        try {
            privateKey = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            String algorithm = KeyAlgorithms.jcaName(info.getPrivateKeyAlgorithm().getAlgorithm());
            throw new UnsupportedKeyException(e, CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, name, algorithm);
        }
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters(privateKey, info, name));
        } catch (IOException | RuntimeException e) {
            throw new MalformedInputException(e, CryptoErrorCode.MALFORMED_PRIVATE_KEY, name,
                    String.valueOf(e.getMessage()));
        }
    }

    private static AsymmetricKeyParameter publicParameters(AsymmetricKeyParameter key, PrivateKeyInfo info,
            String name) throws UnsupportedKeyException {
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        if (key instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(
                    new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()).normalize(),
                    ec.getParameters());
        }
        if (key instanceof Ed25519PrivateKeyParameters ed25519) {
            return ed25519.generatePublicKey();
        }
        if (key instanceof Ed448PrivateKeyParameters ed448) {
            return ed448.generatePublicKey();
        }
        if (key instanceof DSAPrivateKeyParameters dsa) {
            return new DSAPublicKeyParameters(
                    dsa.getParameters().getG().modPow(dsa.getX(), dsa.getParameters().getP()), dsa.getParameters());
        }
        throw new UnsupportedKeyException(CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, name,
                KeyAlgorithms.jcaName(info.getPrivateKeyAlgorithm().getAlgorithm()));
    }
}
