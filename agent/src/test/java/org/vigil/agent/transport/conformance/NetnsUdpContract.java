package org.vigil.agent.transport.conformance;

import org.vigil.agent.testing.netns.Testbed;

/**
 * The medium contract over real UDP: two nodes of a network-namespace test bed, each running a
 * {@link ConformanceProbe} with the production media. Subclasses give the ha.cf media lines.
 * UDP promises no order, so only completeness is checked for bursts (on one bridge they do
 * arrive in order, but a contract must not rely on that).
 */
abstract class NetnsUdpContract extends HeartbeatMediumContract {

    private Testbed tb;

    /** The media lines of {@code node}'s ha.cf. */
    protected abstract String mediaLines(Testbed tb, String node);

    @Override
    protected MediumEndpoint[] connect() {
        Testbed.assumeTestbedAvailable();
        tb = Testbed.builder().nodes("a", "b").build();
        return new MediumEndpoint[] {ProbeEndpoint.start(tb, "a", mediaLines(tb, "a")),
            ProbeEndpoint.start(tb, "b", mediaLines(tb, "b"))};
    }

    @Override
    protected void release() {
        if (tb != null) {
            tb.close();
        }
    }

    @Override
    protected String expectedLink(int to) {
        return "eth0";
    }

    @Override
    protected String expectedSender(int from, int to) {
        return tb.node(from == 0 ? "a" : "b").address();
    }

    @Override
    protected boolean ordered() {
        return false;
    }

    /** Well below a datagram's 64 KiB, well above an Ethernet frame: the kernel fragments and reassembles. */
    @Override
    protected int largeFrameBytes() {
        return 16 * 1024;
    }
}
