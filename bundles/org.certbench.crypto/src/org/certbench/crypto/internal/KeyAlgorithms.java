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

    private KeyAlgorithms() {
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
