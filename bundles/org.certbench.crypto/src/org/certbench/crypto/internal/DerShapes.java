package org.certbench.crypto.internal;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Recognises a DER structure by its shape. A DER file carries no label, yet the administrator must be
 * told "this is a private key, not a certificate" rather than "unreadable", so the outline is matched
 * against the structures that are commonly confused with each other.
 */
final class DerShapes {

    private static final int RSA_PRIVATE_KEY_FIELDS = 9;
    private static final int OPENSSL_DSA_KEY_FIELDS = 6;

    private DerShapes() {
    }

    static ItemKind classify(ASN1Primitive object) {
        if (!(object instanceof ASN1Sequence sequence)) {
            return ItemKind.OTHER;
        }
        if (parses(() -> EmptyIssuerTolerance.parse(() -> Certificate.getInstance(sequence)))) {
            return ItemKind.CERTIFICATE;
        }
        if (parses(() -> CertificationRequest.getInstance(sequence).getCertificationRequestInfo().getSubject())) {
            return ItemKind.CSR;
        }
        return classifyKey(sequence);
    }

    private static ItemKind classifyKey(ASN1Sequence sequence) {
        int size = sequence.size();
        ASN1Encodable first = sequence.getObjectAt(0);
        if (size == 2 && first instanceof ASN1Sequence && sequence.getObjectAt(1) instanceof ASN1OctetString) {
            return ItemKind.ENCRYPTED_PKCS8_KEY;
        }
        if (!(first instanceof ASN1Integer version)) {
            return ItemKind.OTHER;
        }
        ASN1Encodable second = size > 1 ? sequence.getObjectAt(1) : null;
        if (size >= 3 && second instanceof ASN1Sequence && sequence.getObjectAt(2) instanceof ASN1OctetString) {
            return ItemKind.PKCS8_KEY;
        }
        if (version.hasValue(1) && second instanceof ASN1OctetString) {
            return ItemKind.SEC1_EC_KEY;
        }
        if (allIntegers(sequence) && size >= RSA_PRIVATE_KEY_FIELDS) {
            return ItemKind.PKCS1_RSA_KEY;
        }
        if (allIntegers(sequence) && size == OPENSSL_DSA_KEY_FIELDS) {
            return ItemKind.OPENSSL_DSA_KEY;
        }
        return ItemKind.OTHER;
    }

    private static boolean allIntegers(ASN1Sequence sequence) {
        for (ASN1Encodable element : sequence) {
            if (!(element instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(Runnable parser) {
        try {
            parser.run();
            return true;
        } catch (RuntimeException notThisShape) {
            // BouncyCastle's getInstance reports a wrong shape with assorted runtime exceptions.
            return false;
        }
    }
}
