package org.certbench.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StaticAddressesTest {

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void keepsUnicastAddressesAndDropsLoopbackLinkLocalMulticastAndWildcard() throws Exception {
        List<InetAddress> found = List.of(address("127.0.0.1"), address("192.0.2.10"), address("169.254.3.4"),
                address("::1"), address("fe80::1"), address("224.0.0.1"), address("0.0.0.0"), address("2001:db8::5"),
                address("192.0.2.10"));

        assertEquals(List.of(address("192.0.2.10"), address("2001:db8::5")), StaticAddresses.select(found, Set.of()));
    }

    @Test
    void dropsAddressesTheSystemReportsAsDynamic() throws Exception {
        List<InetAddress> found = List.of(address("192.0.2.10"), address("198.51.100.20"), address("2001:db8::5"));

        List<InetAddress> selected = StaticAddresses.select(found, Set.of(address("198.51.100.20"), address("2001:db8::5")));

        assertEquals(List.of(address("192.0.2.10")), selected);
    }

    @Test
    void readsDhclientAndNetworkdLeaseFiles() throws Exception {
        String dhclient = """
                lease {
                  interface "eth0";
                  fixed-address 198.51.100.20;
                  option subnet-mask 255.255.255.0;
                  option routers 198.51.100.1;
                }
                """;
        String networkd = """
                # This is private data. Do not parse.
                ADDRESS=203.0.113.9
                NETMASK=255.255.255.0
                ROUTER=203.0.113.1
                """;

        assertEquals(Set.of(address("198.51.100.20")), StaticAddresses.leasedAddresses(dhclient));
        assertEquals(Set.of(address("203.0.113.9")), StaticAddresses.leasedAddresses(networkd));
        assertEquals(Set.of(), StaticAddresses.leasedAddresses("fixed-address not-an-address;"));
    }

    @Test
    void treatsIpv6AddressesWithoutPermanentFlagAsDynamic() throws Exception {
        String ifInet6 = """
                20010db8000000000000000000000005 02 40 00 80     eth0
                20010db8000000000211223344556677 02 40 00 00     eth0
                fe800000000000000211223344556677 02 40 20 80     eth0
                00000000000000000000000000000001 01 80 10 80       lo
                """;

        assertEquals(Set.of(address("2001:db8::211:2233:4455:6677")), StaticAddresses.nonPermanentIpv6(ifInet6));
    }
}
