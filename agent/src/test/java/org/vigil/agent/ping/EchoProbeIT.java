package org.vigil.agent.ping;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * A real ICMP echo on loopback. (An unanswered address is covered by PingProberTest: probing one
 * for real would send traffic outside the machine.)
 */
class EchoProbeIT {

    @Test
    void jdkProbe_answersOnLoopback() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "ICMP echo needs root: skipped");
        assertTrue(EchoProbe.jdk().echo(InetAddress.getByName("127.0.0.1"), 1000));
    }
}
