package org.certbench.crypto.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.UnsupportedKeyException;

/** Public keys: conversion to JCA objects and the key ↔ key comparison every "does it match" check uses. */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static SubjectPublicKeyInfo info(PublicKey key) {
        return SubjectPublicKeyInfo.getInstance(key.getEncoded());
    }

    /**
     * A JCA key from the JDK's providers where they know the algorithm (so JSSE and KeyStore take it as their
     * own), else from BouncyCastle (explicit curves and rarer algorithms).
     */
    public static PublicKey toJca(SubjectPublicKeyInfo info, String sourceName) throws UnsupportedKeyException {
        String algorithm = KeyAlgorithms.jcaName(info.getAlgorithm().getAlgorithm());
        byte[] encoded;
        try {
            encoded = info.getEncoded("DER");
        } catch (IOException e) {
            throw new UnsupportedKeyException(e, CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, sourceName, algorithm);
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | RuntimeException jdkCannot) {
            try {
                return KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER)
                        .generatePublic(new X509EncodedKeySpec(encoded));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new UnsupportedKeyException(e, CryptoErrorCode.UNSUPPORTED_KEY_ALGORITHM, sourceName, algorithm);
            }
        }
    }

    /**
     * Whether two encodings hold the same key. Compared by value, not by bytes: the same EC key may be
     * encoded with a compressed point or explicit curve parameters, an RSA key with or without NULL
     * parameters.
     */
    public static boolean same(SubjectPublicKeyInfo a, SubjectPublicKeyInfo b) {
        try {
            // the usual case, and the cheap one: the same encoding (decoding an EC point costs a square root)
            if (Arrays.equals(a.getEncoded("DER"), b.getEncoded("DER"))) {
                return true;
            }
            if (!KeyAlgorithms.withinComputeLimits(a) || !KeyAlgorithms.withinComputeLimits(b)) {
                // Decoding validates a DSA key by exponentiating with its numbers: compare encodings instead.
                return Arrays.equals(a.getEncoded("DER"), b.getEncoded("DER"));
            }
            return sameParameters(PublicKeyFactory.createKey(a), PublicKeyFactory.createKey(b));
        } catch (IOException | RuntimeException unknownAlgorithm) {
            return a.getAlgorithm().getAlgorithm().equals(b.getAlgorithm().getAlgorithm())
                    && Arrays.equals(a.getPublicKeyData().getBytes(), b.getPublicKeyData().getBytes());
        }
    }

    private static boolean sameParameters(AsymmetricKeyParameter a, AsymmetricKeyParameter b) throws IOException {
        if (a instanceof RSAKeyParameters ra && b instanceof RSAKeyParameters rb) {
            return ra.getModulus().equals(rb.getModulus()) && ra.getExponent().equals(rb.getExponent());
        }
        if (a instanceof ECPublicKeyParameters ea && b instanceof ECPublicKeyParameters eb) {
            return ea.getParameters().getCurve().equals(eb.getParameters().getCurve())
                    && ea.getParameters().getG().equals(eb.getParameters().getG())
                    && ea.getQ().normalize().getAffineXCoord().equals(eb.getQ().normalize().getAffineXCoord())
                    && ea.getQ().normalize().getAffineYCoord().equals(eb.getQ().normalize().getAffineYCoord());
        }
        if (a instanceof DSAPublicKeyParameters da && b instanceof DSAPublicKeyParameters db) {
            return da.getY().equals(db.getY()) && Objects.equals(da.getParameters(), db.getParameters());
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        return Arrays.equals(
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(a).getEncoded("DER"),
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(b).getEncoded("DER"));
    }
}
