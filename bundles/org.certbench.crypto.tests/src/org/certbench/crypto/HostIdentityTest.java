package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostIdentityTest {

    @Test
    void detectsThisHost() {
        HostIdentity identity = HostIdentity.detect();

        assertFalse(identity.hostname().isBlank());
        assertFalse(identity.hostname().contains("."), identity.hostname());
        assertTrue(identity.fqdn().equals(identity.hostname()) || identity.fqdn().startsWith(identity.hostname() + "."),
                identity.fqdn());
        for (InetAddress address : identity.staticAddresses()) {
            assertFalse(address.isLoopbackAddress() || address.isLinkLocalAddress(), address.toString());
        }
    }

    @Test
    void hostnameComesFromTheKernelWhereThereIsOne() throws Exception {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        if (Files.isReadable(kernel)) {
            String name = Files.readString(kernel).trim();
            assertEquals(name.contains(".") ? name.substring(0, name.indexOf('.')) : name, HostIdentity.detect().hostname());
        }
    }

    @Test
    void alternativeNamesAreHostnameFqdnThenAddresses() throws Exception {
        HostIdentity identity = new HostIdentity("web", "web.example.com",
                List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.1")));

        assertEquals("[DNS:web, DNS:web.example.com, IP:192.0.2.1]", identity.subjectAlternativeNames().toString());
    }
}
