package org.vigil.agent.transport.conformance;

import org.vigil.agent.testing.netns.Testbed;

/** {@code ucast eth0 PEER} between two network namespaces meets the medium contract. */
class UcastConformanceIT extends NetnsUdpContract {

    @Override
    protected String mediaLines(Testbed tb, String node) {
        return "udpport 7702\nucast eth0 " + tb.node(node.equals("a") ? "b" : "a").address() + "\n";
    }
}
