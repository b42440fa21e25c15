package org.certbench.crypto.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.certbench.crypto.KeyPurpose;
import org.certbench.crypto.SubjectAlternativeName;

/**
 * The extensions of a TLS server (or client) certificate, shared by self-signed certificates and CSRs so
 * that a CA copying the CSR's extensions issues the same profile CertBench would sign itself.
 */
public final class RequestedExtensions {

    private RequestedExtensions() {
    }

    /**
     * keyUsage digitalSignature, plus keyEncipherment for RSA (TLS 1.2 RSA key exchange); the requested
     * extended key usages; the alternative names.
     */
    public static Extensions endEntity(SubjectPublicKeyInfo key, Set<KeyPurpose> purposes,
            List<SubjectAlternativeName> names, boolean withBasicConstraints) throws IOException {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        if (withBasicConstraints) {
            generator.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        }
        boolean rsa = "RSA".equals(KeyAlgorithms.jcaName(key.getAlgorithm().getAlgorithm()));
        generator.addExtension(Extension.keyUsage, true,
                new KeyUsage(rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
        generator.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(purposes));
        if (!names.isEmpty()) {
            generator.addExtension(Extension.subjectAlternativeName, false, generalNames(names));
        }
        return generator.generate();
    }

    private static ExtendedKeyUsage extendedKeyUsage(Set<KeyPurpose> purposes) {
        return new ExtendedKeyUsage(purposes.stream().sorted()
                .map(purpose -> purpose == KeyPurpose.SERVER_AUTH ? KeyPurposeId.id_kp_serverAuth
                        : KeyPurposeId.id_kp_clientAuth)
                .toArray(KeyPurposeId[]::new));
    }

    static GeneralNames generalNames(List<SubjectAlternativeName> names) throws IOException {
        GeneralName[] generalNames = new GeneralName[names.size()];
        for (int i = 0; i < generalNames.length; i++) {
            SubjectAlternativeName name = names.get(i);
            generalNames[i] = name.type() == SubjectAlternativeName.Type.IP
                    ? new GeneralName(GeneralName.iPAddress, new DEROctetString(addressBytes(name.value())))
                    : new GeneralName(GeneralName.dNSName, name.value());
        }
        return new GeneralNames(generalNames);
    }

    private static byte[] addressBytes(String literal) throws IOException {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IOException(e);
        }
    }
}
