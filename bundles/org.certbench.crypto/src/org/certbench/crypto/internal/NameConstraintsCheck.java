package org.certbench.crypto.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The name constraints of one CA certificate (RFC 5280 4.2.1.10), read once and applied to the certificates
 * below it. The matching of each name form (DNS, IP address and mask, email, directory name, URI) is
 * BouncyCastle's {@link PKIXNameConstraintValidator}, the code its own PKIX validator uses; this class only says
 * which name of which certificate fell outside, in words.
 */
public final class NameConstraintsCheck {

    private final NameConstraints constraints;
    private final PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();

    private NameConstraintsCheck(NameConstraints constraints) {
        this.constraints = constraints;
        if (constraints.getPermittedSubtrees() != null) {
            validator.intersectPermittedSubtree(constraints.getPermittedSubtrees());
        }
        if (constraints.getExcludedSubtrees() != null) {
            for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
                validator.addExcludedSubtree(excluded);
            }
        }
    }

    /** Thrown when a CA certificate carries name constraints that cannot be read; the message says why. */
    public static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Thrown when a name of a certificate below the CA cannot be read as its form requires. */
    public static final class UnreadableNameException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableNameException(Throwable cause) {
            super(cause);
        }
    }

    /**
     * The constraints of {@code ca}, or {@code null} when it has none.
     *
     * @throws UnreadableException if the extension is there but is not a NameConstraints structure that can be
     *                             applied (damaged encoding, an address without its mask, ...)
     */
    public static NameConstraintsCheck of(X509CertificateHolder ca) throws UnreadableException {
        Extensions extensions = ca.getExtensions();
        Extension extension = extensions == null ? null : extensions.getExtension(Extension.nameConstraints);
        if (extension == null) {
            return null;
        }
        NameConstraints constraints;
        try {
            constraints = NameConstraints.getInstance(extension.getParsedValue());
            subtrees(constraints).forEach(GeneralSubtree::getBase);
        } catch (RuntimeException e) {
            throw new UnreadableException(Messages.format("NAME_CONSTRAINTS_DAMAGED"), e);
        }
        for (GeneralSubtree subtree : subtrees(constraints)) {
            if (subtree.getBase().getTagNo() == GeneralName.iPAddress) {
                int length = ASN1OctetString.getInstance(subtree.getBase().getName()).getOctets().length;
                if (length != 8 && length != 32) {
                    throw new UnreadableException(Messages.format("NAME_CONSTRAINTS_IP_RANGE"), null);
                }
            }
        }
        try {
            return new NameConstraintsCheck(constraints);
        } catch (RuntimeException e) {
            throw new UnreadableException(Messages.format("NAME_CONSTRAINTS_DAMAGED"), e);
        }
    }

    /**
     * The first name of {@code certificate} outside these constraints, as "DNS:host", or {@code null} when all
     * are inside. The subject is checked unless the caller says it must not be (a self-issued CA certificate
     * in the middle of a path, RFC 5280 6.1.3 b).
     *
     * @throws UnreadableNameException if an email address of the subject is not a string (nothing can say
     *                                 whether it is inside)
     */
    public String violation(X509CertificateHolder certificate, boolean checkSubject) throws UnreadableNameException {
        List<GeneralName> names = new ArrayList<>();
        X500Name subject = certificate.getSubject();
        if (checkSubject && subject.getRDNs().length > 0) {
            names.add(new GeneralName(subject));
            for (RDN rdn : subject.getRDNs()) {
                for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                    if (PKCSObjectIdentifiers.pkcs_9_at_emailAddress.equals(value.getType())) {
                        names.add(new GeneralName(GeneralName.rfc822Name, emailAddress(value)));
                    }
                }
            }
        }
        GeneralNames alternatives = certificate.getExtensions() == null ? null
                : GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName);
        if (alternatives != null) {
            names.addAll(Arrays.asList(alternatives.getNames()));
        }
        for (GeneralName name : names) {
            try {
                validator.checkPermitted(name);
                validator.checkExcluded(name);
            } catch (NameConstraintValidatorException | RuntimeException outside) {
                return ExtensionTexts.generalName(name);
            }
            if (wildcardMayBeExcluded(name)) {
                return ExtensionTexts.generalName(name);
            }
        }
        return null;
    }

    private static String emailAddress(AttributeTypeAndValue value) throws UnreadableNameException {
        try {
            return ((ASN1String) value.getValue()).getString();
        } catch (ClassCastException notAString) {
            throw new UnreadableNameException(notAString);
        }
    }

    /**
     * BouncyCastle reads {@code *.example.com} as one literal name, so an excluded {@code evil.example.com} does not
     * contain it, yet the certificate is then valid for evil.example.com. A wildcard stands for any one label, so
     * whether some expansion falls into an excluded subtree cannot be ruled out once that subtree is the wildcard's
     * base domain or lies below it; such a wildcard is refused, as BoringSSL and Go do. Subtrees above the base
     * domain ({@code example.com}, {@code com}) contain the literal name already and are BouncyCastle's to find.
     */
    private boolean wildcardMayBeExcluded(GeneralName name) {
        if (name.getTagNo() != GeneralName.dNSName || constraints.getExcludedSubtrees() == null) {
            return false;
        }
        String dns = lowerWithoutDot(((ASN1String) name.getName()).getString());
        if (!dns.startsWith("*.")) {
            return false;
        }
        String base = dns.substring(2);
        for (GeneralSubtree excluded : constraints.getExcludedSubtrees()) {
            if (excluded.getBase().getTagNo() != GeneralName.dNSName) {
                continue;
            }
            String subtree = lowerWithoutDot(((ASN1String) excluded.getBase().getName()).getString());
            if (subtree.startsWith(".")) {
                subtree = subtree.substring(1);
            }
            if (subtree.equals(base) || subtree.endsWith("." + base)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerWithoutDot(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** "permitted: DNS:.example.com, IP:10.0.0.0/8; excluded: email:example.org". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (constraints.getPermittedSubtrees() != null) {
            parts.add(Messages.format("NAME_CONSTRAINTS_PERMITTED", texts(constraints.getPermittedSubtrees())));
        }
        if (constraints.getExcludedSubtrees() != null) {
            parts.add(Messages.format("NAME_CONSTRAINTS_EXCLUDED", texts(constraints.getExcludedSubtrees())));
        }
        return String.join("; ", parts);
    }

    private static String texts(GeneralSubtree[] subtrees) {
        return String.join(", ", Arrays.stream(subtrees).map(NameConstraintsCheck::text).toList());
    }

    private static String text(GeneralSubtree subtree) {
        GeneralName base = subtree.getBase();
        if (base.getTagNo() != GeneralName.iPAddress) {
            return ExtensionTexts.generalName(base);
        }
        byte[] both = ASN1OctetString.getInstance(base.getName()).getOctets();
        byte[] address = Arrays.copyOf(both, both.length / 2);
        int prefix = 0;
        for (int i = both.length / 2; i < both.length; i++) {
            prefix += Integer.bitCount(both[i] & 0xff);
        }
        try {
            return "IP:" + InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException cannotHappen) {
            return "IP:" + DisplayFormats.colonHex(both);
        }
    }

    private static List<GeneralSubtree> subtrees(NameConstraints constraints) {
        List<GeneralSubtree> all = new ArrayList<>();
        if (constraints.getPermittedSubtrees() != null) {
            all.addAll(Arrays.asList(constraints.getPermittedSubtrees()));
        }
        if (constraints.getExcludedSubtrees() != null) {
            all.addAll(Arrays.asList(constraints.getExcludedSubtrees()));
        }
        return all;
    }
}
