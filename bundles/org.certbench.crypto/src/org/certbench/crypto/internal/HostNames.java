package org.certbench.crypto.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Whether a server certificate's subject alternative names cover the host a connection asked for (RFC 6125 as
 * browsers apply it): an address only matches an IP address entry, a host name only a DNS entry, a wildcard
 * only stands for the whole left-most label, and the Common Name is never consulted.
 */
public final class HostNames {

    private HostNames() {
    }

    /** The outcome for one host: matched, or the reason it did not. */
    public enum Match {
        MATCHED, NO_NAMES, MISMATCH, ADDRESS_ONLY_AS_DNS
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
        String wanted = normalise(asked);
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.dNSName && dnsMatches(normalise(dns(name)), wanted)) {
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

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
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
