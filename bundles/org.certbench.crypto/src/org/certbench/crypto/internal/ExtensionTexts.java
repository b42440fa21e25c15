package org.certbench.crypto.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Certificate and CSR extensions as the short texts the summary shows ("DNS:host", "serverAuth"). */
public final class ExtensionTexts {

    private static final Map<Integer, String> KEY_USAGES = Map.of(
            KeyUsage.digitalSignature, "digitalSignature",
            KeyUsage.nonRepudiation, "nonRepudiation",
            KeyUsage.keyEncipherment, "keyEncipherment",
            KeyUsage.dataEncipherment, "dataEncipherment",
            KeyUsage.keyAgreement, "keyAgreement",
            KeyUsage.keyCertSign, "keyCertSign",
            KeyUsage.cRLSign, "cRLSign",
            KeyUsage.encipherOnly, "encipherOnly",
            KeyUsage.decipherOnly, "decipherOnly");

    private static final int[] KEY_USAGE_ORDER = { KeyUsage.digitalSignature, KeyUsage.nonRepudiation,
            KeyUsage.keyEncipherment, KeyUsage.dataEncipherment, KeyUsage.keyAgreement, KeyUsage.keyCertSign,
            KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly };

    private static final Map<KeyPurposeId, String> PURPOSES = Map.of(
            KeyPurposeId.id_kp_serverAuth, "serverAuth",
            KeyPurposeId.id_kp_clientAuth, "clientAuth",
            KeyPurposeId.id_kp_codeSigning, "codeSigning",
            KeyPurposeId.id_kp_emailProtection, "emailProtection",
            KeyPurposeId.id_kp_timeStamping, "timeStamping",
            KeyPurposeId.id_kp_OCSPSigning, "OCSPSigning",
            KeyPurposeId.anyExtendedKeyUsage, "anyExtendedKeyUsage");

    private ExtensionTexts() {
    }

    public static List<String> subjectAlternativeNames(Extensions extensions) {
        GeneralNames names = extensions == null ? null : GeneralNames.fromExtensions(extensions,
                Extension.subjectAlternativeName);
        List<String> texts = new ArrayList<>();
        if (names != null) {
            for (GeneralName name : names.getNames()) {
                texts.add(generalName(name));
            }
        }
        return texts;
    }

    static String generalName(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + ((ASN1String) name.getName()).getString();
            case GeneralName.iPAddress -> "IP:" + ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.rfc822Name -> "email:" + ((ASN1String) name.getName()).getString();
            case GeneralName.uniformResourceIdentifier -> "URI:" + ((ASN1String) name.getName()).getString();
            case GeneralName.directoryName -> "DirName:" + DistinguishedNames.display(X500Name.getInstance(name.getName()));
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(name.getName()).getId();
            default -> "othername:" + name.getTagNo();
        };
    }

    private static String ipAddress(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException wrongLength) {
            // Name constraints put address and mask into one entry; show the raw bytes rather than failing.
            return DisplayFormats.colonHex(octets);
        }
    }

    public static List<String> keyUsage(Extensions extensions) {
        KeyUsage usage = extensions == null ? null : KeyUsage.fromExtensions(extensions);
        List<String> texts = new ArrayList<>();
        if (usage != null) {
            for (int bit : KEY_USAGE_ORDER) {
                if (usage.hasUsages(bit)) {
                    texts.add(KEY_USAGES.get(bit));
                }
            }
        }
        return texts;
    }

    public static List<String> extendedKeyUsage(Extensions extensions) {
        ExtendedKeyUsage usage = extensions == null ? null : ExtendedKeyUsage.fromExtensions(extensions);
        List<String> texts = new ArrayList<>();
        if (usage != null) {
            for (KeyPurposeId purpose : usage.getUsages()) {
                texts.add(PURPOSES.getOrDefault(purpose, purpose.toOID().getId()));
            }
        }
        return texts;
    }

    public static BasicConstraints basicConstraints(Extensions extensions) {
        return extensions == null ? null : BasicConstraints.fromExtensions(extensions);
    }

    public static String basicConstraintsText(BasicConstraints constraints) {
        if (constraints == null) {
            return Messages.format("ABSENT");
        }
        if (!constraints.isCA()) {
            return Messages.format("BASIC_CONSTRAINTS_END_ENTITY");
        }
        return constraints.getPathLenConstraint() == null ? Messages.format("BASIC_CONSTRAINTS_CA")
                : Messages.format("BASIC_CONSTRAINTS_CA_PATH", constraints.getPathLenConstraint());
    }
}
