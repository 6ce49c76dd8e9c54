package org.vigil.agent.ping;

import java.io.IOException;
import java.net.InetAddress;

/** One ICMP echo. The real one uses the JDK (ICMP when privileged); tests substitute their own. */
@FunctionalInterface
public interface EchoProbe {

    boolean echo(InetAddress address, int timeoutMs) throws IOException;

    /**
     * {@link InetAddress#isReachable}: as root on Linux the JDK sends a real ICMP echo request over
     * a raw socket; unprivileged it falls back to a TCP connection to port 7, which a router may
     * not answer, so Vigil must run as root for ping nodes (as Heartbeat does).
     */
    static EchoProbe jdk() {
        return InetAddress::isReachable;
    }
}
