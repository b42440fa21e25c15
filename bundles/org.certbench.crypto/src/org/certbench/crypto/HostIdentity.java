package org.certbench.crypto;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.certbench.crypto.internal.HostIdentityProbe;

/**
 * The names a host is reached by, used for its self-signed certificate and its CSRs (by host
 * certificates, the agent and the fleet alike).
 * <p>
 * {@link #detect()} determines them as follows:
 * <ul>
 * <li><b>hostname</b>: the kernel host name ({@code /proc/sys/kernel/hostname}, else the JDK's local host
 * name) up to its first dot;</li>
 * <li><b>FQDN</b>: the kernel host name if it already contains a dot, else the canonical name the resolver
 * gives for the hostname if that extends it ("host" → "host.example.com"), else the hostname itself;</li>
 * <li><b>static IP addresses</b>: the unicast addresses of network interfaces that are up and not loopback,
 * excluding loopback, link-local, multicast and wildcard addresses, and excluding addresses the system
 * reports as dynamic: IPv4 addresses named in a DHCP lease file (dhclient's {@code fixed-address} in
 * {@code /var/lib/dhcp}, {@code /var/lib/dhclient}, {@code /var/lib/NetworkManager}; systemd-networkd's
 * {@code ADDRESS=} in {@code /run/systemd/netif/leases}), and IPv6 addresses the kernel does not mark as
 * permanent in {@code /proc/net/if_inet6} (SLAAC, DHCPv6 and privacy addresses). A lease file may still
 * name an expired lease; such an address is treated as dynamic too, since it may be leased again.</li>
 * </ul>
 */
public record HostIdentity(String hostname, String fqdn, List<InetAddress> staticAddresses) {

    /** Copies the addresses, so the identity stays unchanged; not {@code null}. */
    public HostIdentity {
        staticAddresses = List.copyOf(staticAddresses);
    }

    /** This machine's identity by the rule above. */
    public static HostIdentity detect() {
        return HostIdentityProbe.probe();
    }

    /** Hostname, FQDN (when different) and the static addresses, in that order. */
    public List<SubjectAlternativeName> subjectAlternativeNames() {
        Set<SubjectAlternativeName> names = new LinkedHashSet<>();
        names.add(SubjectAlternativeName.dns(hostname));
        names.add(SubjectAlternativeName.dns(fqdn));
        for (InetAddress address : staticAddresses) {
            names.add(SubjectAlternativeName.ip(address));
        }
        return new ArrayList<>(names);
    }
}
