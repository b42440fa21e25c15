package org.certbench.crypto.internal;

import java.io.IOException;
import java.util.OptionalInt;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Names and sizes of key algorithms, from the ASN.1 of a public key (no JCA provider needed). */
public final class KeyAlgorithms {

    /**
     * OpenSSL's limits for DSA ({@code OPENSSL_DSA_MAX_MODULUS_BITS} 10,000; q has 160, 224 or 256 bits). A key
     * file is free to carry far larger numbers, and every exponentiation with them then takes minutes (a 16 KB
     * key file took 56 s to refuse, a 1 MiB one would take days), so nothing is computed with such keys.
     */
    static final int MAX_DSA_P_BITS = 10_000;
    static final int MAX_DSA_Q_BITS = 512;

    private KeyAlgorithms() {
    }

    /** Whether a signature check or key comparison with this key finishes in bounded time (see the DSA limits). */
    public static boolean withinComputeLimits(SubjectPublicKeyInfo key) {
        return !X9ObjectIdentifiers.id_dsa.equals(key.getAlgorithm().getAlgorithm())
                || dsaWithinLimits(key.getAlgorithm().getParameters());
    }

    static boolean dsaWithinLimits(ASN1Encodable parameters) {
        if (parameters == null || parameters instanceof org.bouncycastle.asn1.ASN1Null) {
            return true;
        }
        try {
            DSAParameter dsa = DSAParameter.getInstance(parameters);
            return dsa.getP().bitLength() <= MAX_DSA_P_BITS && dsa.getQ().bitLength() <= MAX_DSA_Q_BITS;
        } catch (RuntimeException malformed) {
            // Not DSA parameters at all: whoever decodes them next refuses them, quickly.
            return true;
        }
    }

    /** The JCA algorithm name for a key algorithm OID, or the dotted OID when JCA has no standard name. */
    public static String jcaName(ASN1ObjectIdentifier algorithm) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            return "RSA";
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
            return "RSASSA-PSS";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return "EC";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            return "Ed25519";
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(algorithm)) {
            return "Ed448";
        }
        if (X9ObjectIdentifiers.id_dsa.equals(algorithm)) {
            return "DSA";
        }
        return algorithm.getId();
    }

    public static KeyDescription describe(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier oid = key.getAlgorithm().getAlgorithm();
        String name = jcaName(oid);
        try {
            return switch (name) {
                case "RSA", "RSASSA-PSS" -> new KeyDescription(name,
                        OptionalInt.of(RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength()), "");
                case "EC" -> describeEc(key.getAlgorithm().getParameters());
                case "DSA" -> describeDsa(key.getAlgorithm().getParameters());
                case "Ed25519" -> new KeyDescription(name, OptionalInt.of(256), "");
                case "Ed448" -> new KeyDescription(name, OptionalInt.of(456), "");
                default -> new KeyDescription(name, OptionalInt.empty(), "");
            };
        } catch (IOException | RuntimeException unparsableKey) {
            // A key this bundle cannot take apart is still shown by its algorithm; using it fails later, loudly.
            return new KeyDescription(name, OptionalInt.empty(), "");
        }
    }

    private static KeyDescription describeEc(ASN1Encodable parameters) {
        if (parameters instanceof ASN1ObjectIdentifier curve) {
            X9ECParameters curveParameters = ECNamedCurveTable.getByOID(curve);
            OptionalInt bits = curveParameters == null ? OptionalInt.empty()
                    : OptionalInt.of(curveParameters.getCurve().getFieldSize());
            return new KeyDescription("EC", bits, curveName(curve));
        }
        X9ECParameters explicit = X9ECParameters.getInstance(parameters);
        return new KeyDescription("EC", OptionalInt.of(explicit.getCurve().getFieldSize()), "explicit curve");
    }

    private static String curveName(ASN1ObjectIdentifier curve) {
        String nist = NISTNamedCurves.getName(curve);
        if (nist != null) {
            return nist;
        }
        String other = ECNamedCurveTable.getName(curve);
        return other != null ? other : curve.getId();
    }

    private static KeyDescription describeDsa(ASN1Encodable parameters) {
        if (parameters == null) {
            return new KeyDescription("DSA", OptionalInt.empty(), "");
        }
        return new KeyDescription("DSA", OptionalInt.of(DSAParameter.getInstance(parameters).getP().bitLength()), "");
    }
}
