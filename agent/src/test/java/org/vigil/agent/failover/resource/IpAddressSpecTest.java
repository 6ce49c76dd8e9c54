package org.vigil.agent.failover.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpAddressSpecTest {

    @Test
    void parse_allHeartbeatForms() {
        assertEquals(new IpAddressSpec("10.0.0.1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                IpAddressSpec.parse("10.0.0.1"));
        assertEquals(new IpAddressSpec("10.0.0.1", Optional.of(24), Optional.of("eth0"), Optional.empty(), Optional.empty()),
                IpAddressSpec.parse("10.0.0.1/24/eth0"));
        assertEquals(new IpAddressSpec("130.66.201.3", Optional.of(24), Optional.of("eth0"), Optional.of("eth0:0"), Optional.empty()),
                IpAddressSpec.parse("130.66.201.3/24/eth0:0"));
        assertEquals(new IpAddressSpec("10.0.0.1", Optional.of(24), Optional.empty(), Optional.empty(), Optional.of("10.0.0.255")),
                IpAddressSpec.parse("10.0.0.1/24/10.0.0.255"));
        assertEquals(Optional.of("10.0.0.127"), IpAddressSpec.parse("10.0.0.1/25/eth1/10.0.0.127").broadcast());
    }

    @Test
    void connectedRoutes_longestPrefixWins_defaultIgnored() {
        String table = "default via 10.0.0.254 dev eth0\n10.0.0.0/16 dev eth0 proto kernel scope link src 10.0.0.1\n"
                + "10.0.5.0/24 dev eth1 proto kernel scope link src 10.0.5.1\n";
        assertEquals(Optional.of(new ConnectedRoutes.Match("eth1", 24)), ConnectedRoutes.find("10.0.5.9", table));
        assertEquals(Optional.of(new ConnectedRoutes.Match("eth0", 16)), ConnectedRoutes.find("10.0.7.9", table));
        assertEquals(Optional.empty(), ConnectedRoutes.find("192.168.1.1", table));
    }

    @Test
    void parse_ipv6_addressPrefixInterface_noBroadcastNoLabel() {
        IpAddressSpec s = IpAddressSpec.parse("2001:db8::10/64/eth0");
        assertEquals(new IpAddressSpec("2001:db8::10", Optional.of(64), Optional.of("eth0"), Optional.empty(), Optional.empty()), s);
        assertTrue(s.ipv6());
        assertEquals(Optional.empty(), IpAddressSpec.parse("fd00::1").bits());
        assertFalse(IpAddressSpec.parse("10.0.0.1/24").ipv6());
    }

    @Test
    void connectedRoutes_ipv6_longestPrefix_typedRoutesIgnored() {
        String table = "2001:db8::/32 dev eth1 proto kernel metric 256 pref medium\n"
                + "2001:db8:0:5::/64 dev eth0 proto kernel metric 256 pref medium\n"
                + "fe80::/64 dev eth0 proto kernel metric 256 pref medium\n"
                + "unreachable 2001:db8:0:6::/64 dev lo metric 1024 pref medium\n"
                + "default via fe80::1 dev eth0 metric 1024 pref medium\n";
        assertEquals(Optional.of(new ConnectedRoutes.Match("eth0", 64)), ConnectedRoutes.find("2001:db8:0:5::100", table));
        assertEquals(Optional.of(new ConnectedRoutes.Match("eth1", 32)), ConnectedRoutes.find("2001:db8:0:6::1", table));
        assertEquals(Optional.of(new ConnectedRoutes.Match("eth0", 64)),
                ConnectedRoutes.find("2001:0db8:0000:0005:0000:0000:0000:0100", table), "any spelling");
        assertEquals(Optional.empty(), ConnectedRoutes.find("fd00::1", table));
        assertEquals(Optional.empty(), ConnectedRoutes.find("10.0.0.1", table), "IPv4 never matches an IPv6 route");
    }

    /** {@code fdxx:yyyy:1::100} as {@code fdxx:yyyy:1:0:0:0:0:100}: one address, two spellings. */
    static String writtenOut(String ipv6) {
        return org.vigil.agent.config.Addresses.ipv6WrittenOut(ipv6).orElseThrow();
    }

    @Test
    void statusText_followsHeartbeatThenLsb() {
        assertEquals(Optional.of(ResourceState.STOPPED), StatusText.fromText("apache2 is not running"));
        assertEquals(Optional.of(ResourceState.STOPPED), StatusText.fromText("mysqld NOT Running"));
        assertEquals(Optional.of(ResourceState.RUNNING), StatusText.fromText("apache2 is running (pid 12)"));
        assertEquals(Optional.of(ResourceState.RUNNING), StatusText.fromText("INFO: Running OK"));
        assertEquals(Optional.of(ResourceState.STOPPED), StatusText.fromText("mysql stopped"));
        assertEquals(Optional.empty(), StatusText.fromText("pid 42"));
        assertEquals(ResourceState.RUNNING, StatusText.fromLsbExit(0));
        assertEquals(ResourceState.STOPPED, StatusText.fromLsbExit(3));
        assertEquals(ResourceState.UNKNOWN, StatusText.fromLsbExit(4));
    }
}
