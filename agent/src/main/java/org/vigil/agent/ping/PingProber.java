package org.vigil.agent.ping;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vigil.agent.config.PingNode;

/**
 * Sends an ICMP echo to every ping node once per keepalive, as Heartbeat's ping medium does with
 * each status it writes, and reports each answer. A ping group answers when any member does. A
 * probe still waiting from the previous round is not started again, so a black-holed address
 * cannot pile up threads. Deciding that a ping node is dead ({@code deadping}) is membership's job.
 */
public final class PingProber {

    private static final System.Logger LOG = System.getLogger(PingProber.class.getName());

    private final List<PingNode> nodes;
    private final EchoProbe probe;
    private final ExecutorService executor;
    private final PingReplySink sink;
    private final int timeoutMs;
    private final Map<String, AtomicBoolean> inFlight;

    /**
     * @param timeoutMs how long one echo may wait; keepalive is right, so that answers keep pace
     */
    public PingProber(List<PingNode> nodes, EchoProbe probe, ExecutorService executor, PingReplySink sink, int timeoutMs) {
        this.nodes = List.copyOf(nodes);
        this.probe = probe;
        this.executor = executor;
        this.sink = sink;
        this.timeoutMs = timeoutMs;
        this.inFlight = nodes.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(PingNode::name, n -> new AtomicBoolean()));
    }

    /** One round: called every keepalive. */
    public void probeAll() {
        for (PingNode node : nodes) {
            AtomicBoolean busy = inFlight.get(node.name());
            if (busy.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        if (anyAnswers(node)) {
                            sink.onReply(node.name());
                        }
                    } finally {
                        busy.set(false);
                    }
                });
            }
        }
    }

    private boolean anyAnswers(PingNode node) {
        for (String address : node.addresses()) {
            try {
                if (probe.echo(InetAddress.getByName(address), timeoutMs)) {
                    return true;
                }
            } catch (UnknownHostException e) {
                LOG.log(Level.WARNING, "ping node " + node.name() + ": cannot resolve [" + address + "]");
            } catch (java.io.IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "ping " + address + " failed: " + e);
            }
        }
        return false;
    }
}
