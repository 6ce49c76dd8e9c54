package org.vigil.agent.transport.conformance;

import java.util.Base64;
import org.vigil.agent.membership.Heartbeat;
import org.vigil.agent.testing.SimNetwork;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.InboundFrame;

/**
 * A {@link HeartbeatMedium} over the {@link SimNetwork}, so that the simulated network is held to
 * the same contract as the real media. SimNetwork carries membership records, not bytes: the
 * frame travels Base64-encoded in the record's status word, the node name as its source.
 */
final class SimMedium implements HeartbeatMedium {

    private final SimNetwork network;
    private final String node;
    private final String link;
    private long seq;
    private boolean open;

    SimMedium(SimNetwork network, String node, String link) {
        this.network = network;
        this.node = node;
        this.link = link;
    }

    @Override
    public String linkName() {
        return link;
    }

    @Override
    public void start(FrameSink sink) {
        open = true;
        network.attach(node, link, hb -> sink.onFrame(new InboundFrame(link, Base64.getDecoder().decode(hb.status()), hb.src())));
    }

    @Override
    public void send(byte[] frame) {
        if (open) {
            network.send(node, link, Heartbeat.status(node, link, ++seq, 1, 0, Base64.getEncoder().encodeToString(frame)));
        }
    }

    @Override
    public long sendErrors() {
        return 0;
    }

    @Override
    public void close() {
        open = false;
        network.detach(node);
    }
}
