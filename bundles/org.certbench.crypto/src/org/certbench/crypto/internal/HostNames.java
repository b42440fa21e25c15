package org.certbench.crypto.internal;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;
import org.certbench.crypto.SubjectAlternativeName;

/**
 * Whether a certificate names a host, by the rule TLS clients apply to servers (RFC 6125 and RFC 2818, as the
 * JDK's own hostname check for HTTPS): an IP address matches a SAN IP address of the same bytes; a host name
 * matches a SAN DNS name case-insensitively, where a wildcard stands for the whole leftmost label only
 * ({@code *.example.com} names {@code db.example.com}, not {@code example.com} nor {@code a.b.example.com}),
 * and never for less than two labels ({@code *.com} names nothing). The subject's Common Name does not count:
 * it is no name a current TLS client checks.
 */
public final class HostNames {

    private HostNames() {
    }

    /** The DNS names and IP addresses of the Subject Alternative Name extension; none when it is absent or damaged. */
    public static List<SubjectAlternativeName> of(Extensions extensions) {
        List<SubjectAlternativeName> names = new ArrayList<>();
        GeneralNames general;
        try {
            general = extensions == null ? null : GeneralNames.fromExtensions(extensions,
                    Extension.subjectAlternativeName);
        } catch (IllegalArgumentException | IllegalStateException damaged) {
            // a damaged extension names no one
            return names;
        }
        if (general == null) {
            return names;
        }
        for (GeneralName name : general.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
                names.add(SubjectAlternativeName.dns(((ASN1String) name.getName()).getString()));
            } else if (name.getTagNo() == GeneralName.iPAddress) {
                byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
                try {
                    names.add(SubjectAlternativeName.ip(InetAddress.getByAddress(octets)));
                } catch (UnknownHostException notAnAddress) {
                    // an address with a mask (name constraints) is no address of a server
                }
            }
        }
        return names;
    }

    /** @param host a host name or an IP address literal (brackets around IPv6 and a trailing dot are allowed) */
    public static boolean names(Extensions extensions, String host) {
        String wanted = host == null ? "" : host.strip();
        if (wanted.startsWith("[") && wanted.endsWith("]")) {
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        if (wanted.isEmpty()) {
            return false;
        }
        List<SubjectAlternativeName> names = of(extensions);
        if (IPAddress.isValid(wanted)) {
            byte[] address = addressBytes(wanted);
            return address != null && names.stream().filter(name -> name.type() == SubjectAlternativeName.Type.IP)
                    .anyMatch(name -> Arrays.equals(address, addressBytes(name.value())));
        }
        String ascii = asciiName(wanted);
        return ascii != null && names.stream().filter(name -> name.type() == SubjectAlternativeName.Type.DNS)
                .anyMatch(name -> dnsMatches(asciiName(name.value()), ascii));
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern == null) {
            return false;
        }
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        String suffix = pattern.substring(1);
        // "*.com" would name every host of a top-level domain
        if (suffix.indexOf('.', 1) < 0) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    /** Lower case, ASCII (an internationalised name as its "xn--" form), no trailing dot; {@code null} if invalid. */
    private static String asciiName(String name) {
        String trimmed = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    private static byte[] addressBytes(String literal) {
        if (!IPAddress.isValid(literal)) {
            return null;
        }
        try {
            // a validated literal is converted without any name lookup
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
