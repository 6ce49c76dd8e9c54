package org.vigil.agent.transport.conformance;

import org.vigil.agent.testing.netns.Testbed;

/** {@code mcast eth0 GROUP PORT TTL LOOP} between two network namespaces meets the medium contract. */
class McastConformanceIT extends NetnsUdpContract {

    @Override
    protected String mediaLines(Testbed tb, String node) {
        return "mcast eth0 239.77.0.1 7703 1 0\n";
    }
}
