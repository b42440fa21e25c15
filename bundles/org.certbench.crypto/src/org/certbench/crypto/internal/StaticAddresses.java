package org.certbench.crypto.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.util.IPAddress;

/**
 * The "static IP address" rule of {@code HostIdentity}, kept apart from the probing so that it can be
 * tested with made-up interfaces and lease files.
 */
public final class StaticAddresses {

    private static final Pattern DHCLIENT_LEASE = Pattern.compile("fixed-address\\s+([0-9.]+)\\s*;");
    private static final Pattern NETWORKD_LEASE = Pattern.compile("(?m)^ADDRESS=([0-9.]+)\\s*$");
    private static final int IFA_F_PERMANENT = 0x80;
    private static final int IF_INET6_FIELDS = 6;

    private StaticAddresses() {
    }

    /** The addresses that count as static, in the given order, without duplicates. */
    public static List<InetAddress> select(Collection<InetAddress> interfaceAddresses, Set<InetAddress> dynamic) {
        List<InetAddress> selected = new ArrayList<>();
        for (InetAddress address : interfaceAddresses) {
            if (isStaticCandidate(address) && !dynamic.contains(withoutScope(address)) && !selected.contains(address)) {
                selected.add(address);
            }
        }
        return selected;
    }

    private static boolean isStaticCandidate(InetAddress address) {
        return !address.isLoopbackAddress() && !address.isLinkLocalAddress() && !address.isMulticastAddress()
                && !address.isAnyLocalAddress();
    }

    /** Interface addresses carry an IPv6 scope; lease files and /proc do not. */
    static InetAddress withoutScope(InetAddress address) {
        if (address instanceof Inet6Address) {
            try {
                return InetAddress.getByAddress(address.getAddress());
            } catch (UnknownHostException impossible) {
                return address;
            }
        }
        return address;
    }

    /** IPv4 addresses named in a dhclient or systemd-networkd lease file. */
    public static Set<InetAddress> leasedAddresses(String leaseFile) {
        Set<InetAddress> leased = new HashSet<>();
        collect(DHCLIENT_LEASE.matcher(leaseFile), leased);
        collect(NETWORKD_LEASE.matcher(leaseFile), leased);
        return leased;
    }

    private static void collect(Matcher matcher, Set<InetAddress> into) {
        while (matcher.find()) {
            parseLiteral(matcher.group(1), into);
        }
    }

    /**
     * IPv6 addresses in {@code /proc/net/if_inet6} format ("address ifindex prefix scope flags name") that
     * lack the kernel's IFA_F_PERMANENT flag, i.e. were configured by SLAAC, DHCPv6 or privacy extensions.
     */
    public static Set<InetAddress> nonPermanentIpv6(String ifInet6) {
        Set<InetAddress> dynamic = new HashSet<>();
        for (String line : ifInet6.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == IF_INET6_FIELDS && fields[0].length() == 32 && isHex(fields[4])
                    && (Integer.parseInt(fields[4], 16) & IFA_F_PERMANENT) == 0) {
                parseLiteral(fields[0].replaceAll("(.{4})(?!$)", "$1:"), dynamic);
            }
        }
        return dynamic;
    }

    private static boolean isHex(String text) {
        return !text.isEmpty() && text.length() <= 8 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static void parseLiteral(String literal, Set<InetAddress> into) {
        if (IPAddress.isValid(literal)) {
            try {
                into.add(InetAddress.getByName(literal));
            } catch (UnknownHostException notALiteral) {
                // Validated above; a literal is never looked up.
            }
        }
    }
}
