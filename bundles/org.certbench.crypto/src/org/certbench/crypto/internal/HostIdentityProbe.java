package org.certbench.crypto.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certbench.crypto.HostIdentity;

/** Looks at this machine for {@link HostIdentity#detect()}; the rule itself is documented there. */
public final class HostIdentityProbe {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");
    private static final List<Path> LEASE_DIRECTORIES = List.of(Path.of("/var/lib/dhcp"), Path.of("/var/lib/dhclient"),
            Path.of("/var/lib/NetworkManager"), Path.of("/run/systemd/netif/leases"));
    private static final long MAX_LEASE_FILE_BYTES = BoundedInput.MAX_BYTES;

    private HostIdentityProbe() {
    }

    public static HostIdentity probe() {
        String kernelName = kernelHostName();
        String hostname = kernelName.contains(".") ? kernelName.substring(0, kernelName.indexOf('.')) : kernelName;
        String fqdn = kernelName.contains(".") ? kernelName : resolvedFqdn(hostname);
        Set<InetAddress> dynamic = new HashSet<>(leasedAddresses());
        dynamic.addAll(StaticAddresses.nonPermanentIpv6(readSmallFile(IF_INET6)));
        return new HostIdentity(hostname, fqdn, StaticAddresses.select(interfaceAddresses(), dynamic));
    }

    private static String kernelHostName() {
        String name = readSmallFile(KERNEL_HOSTNAME).trim();
        if (!name.isEmpty()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String resolvedFqdn(String hostname) {
        try {
            String canonical = InetAddress.getByName(hostname).getCanonicalHostName();
            return canonical.startsWith(hostname + ".") ? canonical : hostname;
        } catch (UnknownHostException notResolvable) {
            return hostname;
        }
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface networkInterface : NetworkInterface.networkInterfaces().toList()) {
                if (networkInterface.isUp() && !networkInterface.isLoopback()) {
                    addresses.addAll(networkInterface.inetAddresses().toList());
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        return addresses;
    }

    private static Set<InetAddress> leasedAddresses() {
        Set<InetAddress> leased = new HashSet<>();
        for (Path directory : LEASE_DIRECTORIES) {
            if (Files.isDirectory(directory)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
                    for (Path file : files) {
                        leased.addAll(StaticAddresses.leasedAddresses(readSmallFile(file)));
                    }
                } catch (IOException unreadableDirectory) {
                    // Lease directories are usually root-only; not being able to read one means no lease is known.
                }
            }
        }
        return leased;
    }

    private static String readSmallFile(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_LEASE_FILE_BYTES) {
                return "";
            }
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            // /proc files and lease files vanish or are protected; absence of information is the answer.
            return "";
        }
    }
}
