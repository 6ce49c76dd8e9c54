package org.vigil.agent.transport.conformance;

import org.vigil.agent.testing.netns.Testbed;

/** {@code bcast eth0} between two network namespaces meets the medium contract. */
class BcastConformanceIT extends NetnsUdpContract {

    @Override
    protected String mediaLines(Testbed tb, String node) {
        return "udpport 7701\nbcast eth0\n";
    }
}
