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
 * Whether a certificate names a host, by the rule TLS clients apply to servers (RFC 6125 as browsers apply it):
 * an IP address matches only a SAN IP address of the same bytes; a host name matches only a SAN DNS name,
 * case-insensitively (an internationalised name in its "xn--" form, a trailing dot ignored), where a wildcard
 * stands for the whole leftmost label only ({@code *.example.com} names {@code db.example.com}, not
 * {@code example.com} nor {@code a.b.example.com}) and never for less than two labels ({@code *.com} names
 * nothing). The subject's Common Name is never consulted. A DNS name of the certificate must already be plain
 * ASCII letters, digits, hyphens and dots (after an optional leading {@code *.}) and is never converted: the name
 * constraints of its CAs were checked against those very characters, so a name that only turns into the host
 * through IDN mapping (a soft hyphen dropped, a full-width letter folded) would match a name the constraints
 * never saw. Only the host asked for is converted to its "xn--" form. The one home of this rule: outbound TLS and
 * the agents' trust use it alike.
 */
public final class HostNames {

    private HostNames() {
    }

    /** The outcome for one host: matched, or the reason it did not. */
    public enum Match {
        MATCHED, NO_NAMES, MISMATCH, ADDRESS_ONLY_AS_DNS
    }

    /** The Subject Alternative Names of {@code extensions}; {@code null} when absent or damaged. */
    private static GeneralNames alternativeNames(Extensions extensions) {
        try {
            return extensions == null ? null : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        } catch (IllegalArgumentException | IllegalStateException damaged) {
            // a damaged extension names no one
            return null;
        }
    }

    /** The DNS names and IP addresses of the Subject Alternative Name extension; none when it is absent or damaged. */
    public static List<SubjectAlternativeName> of(Extensions extensions) {
        List<SubjectAlternativeName> names = new ArrayList<>();
        GeneralNames general = alternativeNames(extensions);
        if (general == null) {
            return names;
        }
        for (GeneralName name : general.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
                names.add(SubjectAlternativeName.dns(dns(name)));
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
        return host != null && !host.isBlank() && match(alternativeNames(extensions), host.strip()) == Match.MATCHED;
    }

    public static Match match(GeneralNames names, String host) {
        if (names == null || Arrays.stream(names.getNames()).noneMatch(HostNames::isHostName)) {
            return Match.NO_NAMES;
        }
        String asked = stripBrackets(host);
        byte[] address = literalAddress(asked);
        if (address != null) {
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.iPAddress
                        && Arrays.equals(address, ASN1OctetString.getInstance(name.getName()).getOctets())) {
                    return Match.MATCHED;
                }
            }
            for (GeneralName name : names.getNames()) {
                if (name.getTagNo() == GeneralName.dNSName && asked.equalsIgnoreCase(dns(name))) {
                    return Match.ADDRESS_ONLY_AS_DNS;
                }
            }
            return Match.MISMATCH;
        }
        String wanted = normaliseAsked(asked);
        if (wanted == null) {
            return Match.MISMATCH;
        }
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName && dnsMatches(held(dns(name)), wanted)) {
                return Match.MATCHED;
            }
        }
        return Match.MISMATCH;
    }

    /** "DNS:a.example, IP:127.0.0.1": the names a certificate holds for hosts, as the summary writes them. */
    public static String hostNamesText(GeneralNames names) {
        if (names == null) {
            return "";
        }
        return String.join(", ", Arrays.stream(names.getNames()).filter(HostNames::isHostName)
                .map(ExtensionTexts::generalName).toList());
    }

    private static boolean isHostName(GeneralName name) {
        return name.getTagNo() == GeneralName.dNSName || name.getTagNo() == GeneralName.iPAddress;
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern == null) {
            return false;
        }
        if (pattern.equals(host)) {
            return true;
        }
        if (!pattern.startsWith("*.") || pattern.indexOf('.', 2) < 0) {
            // a wildcard needs at least two labels after it ("*.com" names no one host)
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(pattern.substring(1));
    }

    private static String dns(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    /** The host asked for: lower case, ASCII (an internationalised name as its "xn--" form), no trailing dot; {@code null} if invalid. */
    private static String normaliseAsked(String name) {
        try {
            return IDN.toASCII(withoutTrailingDot(name), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }

    /** A DNS name of the certificate, lower case, no trailing dot; {@code null} (matching nothing) unless plain LDH. */
    private static String held(String name) {
        String trimmed = withoutTrailingDot(name);
        String labels = trimmed.startsWith("*.") ? trimmed.substring(2) : trimmed;
        return isLdh(labels) ? trimmed.toLowerCase(Locale.ROOT) : null;
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** Non-empty labels of ASCII letters, digits and hyphens, separated by single dots. */
    private static boolean isLdh(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.';
            if (!ldh) {
                return false;
            }
        }
        return true;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The address bytes of an IPv4 or IPv6 literal, or {@code null} for a host name; never asks DNS. */
    private static byte[] literalAddress(String host) {
        if (!IPAddress.isValid(host)) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }
}
