package org.certbench.crypto;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.util.IPAddress;

/**
 * A DNS name or IP address a certificate is valid for. {@link #toString()} gives "DNS:name" or
 * "IP:address", the form certificate summaries show.
 */
public record SubjectAlternativeName(Type type, String value) {

    /** The kinds of alternative names CertBench writes into certificates and CSRs. */
    public enum Type {
        /** A DNS name ({@code dNSName}). */
        DNS,
        /** An IPv4 or IPv6 address ({@code iPAddress}). */
        IP
    }

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final int MAX_DNS_NAME_LENGTH = 253;

    /** {@return a DNS name entry, the name taken as it is; {@link #parse} checks what an administrator typed} */
    public static SubjectAlternativeName dns(String name) {
        return new SubjectAlternativeName(Type.DNS, name);
    }

    /**
     * {@return an IP address entry, written in its canonical text form} An IPv6 address's zone ({@code %eth0}) is
     * left out: it names an interface of this host, and a certificate holds the address's bytes alone.
     */
    public static SubjectAlternativeName ip(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        return new SubjectAlternativeName(Type.IP, zone < 0 ? text : text.substring(0, zone));
    }

    /**
     * One name as an administrator types it: an IP literal becomes an IP entry, anything else must be a
     * host name. A "DNS:" or "IP:" prefix is accepted too.
     */
    public static SubjectAlternativeName parse(String text) throws InvalidRequestException {
        String trimmed = text.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("IP:")) {
            return parseIp(trimmed.substring(3).trim(), trimmed);
        }
        if (upper.startsWith("DNS:")) {
            return parseDns(trimmed.substring(4).trim(), trimmed);
        }
        if (IPAddress.isValid(trimmed)) {
            return parseIp(trimmed, trimmed);
        }
        return parseDns(trimmed, trimmed);
    }

    /** A comma-separated list as the agent CLI's {@code alternative-names} parameter takes it. */
    public static List<SubjectAlternativeName> parseList(String commaSeparated) throws InvalidRequestException {
        List<SubjectAlternativeName> names = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                names.add(parse(part));
            }
        }
        return names;
    }

    private static SubjectAlternativeName parseIp(String literal, String original) throws InvalidRequestException {
        if (!IPAddress.isValid(literal)) {
            throw new InvalidRequestException(CryptoErrorCode.INVALID_ALTERNATIVE_NAME, original);
        }
        try {
            // A validated literal is converted without any name lookup.
            return ip(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            throw new InvalidRequestException(e, CryptoErrorCode.INVALID_ALTERNATIVE_NAME, original);
        }
    }

    private static SubjectAlternativeName parseDns(String name, String original) throws InvalidRequestException {
        if (name.length() > MAX_DNS_NAME_LENGTH || !DNS_NAME.matcher(name).matches()) {
            throw new InvalidRequestException(CryptoErrorCode.INVALID_ALTERNATIVE_NAME, original);
        }
        return dns(name);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
