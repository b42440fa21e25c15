package org.certbench.crypto.internal;

import java.io.IOException;
import java.math.BigInteger;

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
            String name) throws UnsupportedKeyException, MalformedInputException {
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
            requireDsaWithinLimits(dsa, name);
            return new DSAPublicKeyParameters(
                    dsa.getParameters().getG().modPow(dsa.getX(), dsa.getParameters().getP()), dsa.getParameters());
        }
        throw new UnsupportedKeyException(CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, name,
                KeyAlgorithms.jcaName(info.getPrivateKeyAlgorithm().getAlgorithm()));
    }

    /** Bounds the exponentiations below: p, q within OpenSSL's limits and 0 < x < q, as in every valid DSA key. */
    private static void requireDsaWithinLimits(DSAPrivateKeyParameters dsa, String name) throws MalformedInputException {
        BigInteger p = dsa.getParameters().getP();
        BigInteger q = dsa.getParameters().getQ();
        BigInteger x = dsa.getX();
        if (p.bitLength() > KeyAlgorithms.MAX_DSA_P_BITS || q == null || q.bitLength() > KeyAlgorithms.MAX_DSA_Q_BITS) {
            throw new MalformedInputException(CryptoErrorCode.MALFORMED_PRIVATE_KEY, name,
                    "DSA parameters out of range (p " + p.bitLength() + " bits, at most " + KeyAlgorithms.MAX_DSA_P_BITS
                            + "; q at most " + KeyAlgorithms.MAX_DSA_Q_BITS + ")");
        }
        if (x.signum() <= 0 || x.compareTo(q) >= 0) {
            throw new MalformedInputException(CryptoErrorCode.MALFORMED_PRIVATE_KEY, name,
                    "DSA private value out of range");
        }
    }
}
