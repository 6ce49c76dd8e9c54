package org.vigil.agent.node;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vigil.agent.membership.Heartbeat;
import org.vigil.agent.membership.Membership;
import org.vigil.agent.wire.ControlMessages;
import org.vigil.agent.wire.HaMessage;

/**
 * What a decoded, authenticated message means, on the membership loop thread. Heartbeats go to
 * membership; every sequenced message goes through its sequence tracking, and its content is
 * acted on only when new (duplicates from other links are dropped here). Transport control is
 * answered here: retransmission requests from our history, node-list requests, and the
 * acknowledgements a 3.0 peer's flow control expects.
 */
final class ProtocolHandler {

    private static final System.Logger LOG = System.getLogger(ProtocolHandler.class.getName());
    /** Heartbeat acks when {@code seq % 10} hits a random per-peer value. */
    private static final int ACK_EVERY = 10;

    private final String localNode;
    private final List<String> nodes;
    private final Outbox outbox;
    private final ReqNodesExchange exchange;
    private final ClusterMessageListener cluster;
    private final Map<String, Integer> ackTrigger = new HashMap<>();
    private final Random random;
    private final RateLimitedLog quiet;
    private final Map<String, String> lastAddress = new java.util.concurrent.ConcurrentHashMap<>();
    private long malformed;
    private long unknownNodes;

    ProtocolHandler(String localNode, List<String> nodes, Outbox outbox, ReqNodesExchange exchange,
            ClusterMessageListener cluster, Random random, RateLimitedLog quiet) {
        this.quiet = quiet;
        this.localNode = localNode;
        this.nodes = List.copyOf(nodes);
        this.outbox = outbox;
        this.exchange = exchange;
        this.cluster = cluster;
        this.random = random;
    }

    void handle(Membership membership, HaMessage m, String link, String sender, long now) {
        String type = m.type().orElse("");
        String src = m.string("src").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (type.isEmpty() || src.isEmpty() || m.hex("ts").orElse(0) == 0) {
            malformed++;
            return; // Heartbeat requires t, src and a non-zero ts
        }
        if (src.equals(localNode)) {
            return; // our own packet came back on a broadcast medium
        }
        if (!nodes.contains(src) && !type.startsWith("NS_")) {
            unknownNodes++;
            quiet.log(System.Logger.Level.ERROR, "unknown:" + src, "process_status_message: bad node [" + src
                    + "] in message from " + sender + " (authenticated, but not a node of ha.cf)");
            return;
        }
        lastAddress.put(src, sender);
        m.binary("srcuuid").ifPresent(u -> outbox.learnUuid(src, u));
        if (type.startsWith("NS_")) {
            control(membership, type, src, m, now);
            return;
        }
        if (m.hex("seq").isEmpty()) {
            malformed++;
            return;
        }
        long seq = m.hex("seq").getAsLong();
        long generation = m.hex("hg").orElse(0);
        Heartbeat hb = switch (type) {
            case "status" -> Heartbeat.status(src, link, seq, generation, m.hex("dt").orElse(0), m.string("st").orElse(""));
            case "shutdone" -> Heartbeat.shutdone(src, link, seq, generation);
            default -> Heartbeat.other(src, link, seq, generation);
        };
        if (!membership.onMessage(hb, now)) {
            return;
        }
        acknowledge(src, seq);
        if (!m.string("dest").map(localNode::equals).orElse(true)) {
            return; // tracked for the sequence, but meant for another node
        }
        content(type, src, m, now);
    }

    private void content(String type, String src, HaMessage m, long now) {
        switch (type) {
            case "status" -> { }
            case "shutdone" -> { } // membership logs the shutdown notice
            case "reqnodes" -> outbox.send(HaMessage.builder().add("dest", src).add(HaMessage.TYPE, "repnodes")
                    .add("nodelist", String.join(" ", nodes)).add("delnodelist", " ").build());
            case "repnodes" -> exchange.answered();
            default -> cluster.onClusterMessage(src, m, now);
        }
    }

    private void control(Membership membership, String type, String src, HaMessage m, long now) {
        if (!m.string("dest").map(localNode::equals).orElse(false)) {
            return;
        }
        switch (type) {
            case "NS_rexmit" -> retransmit(src, m);
            case "NS_nak_rexmit" -> LOG.log(Level.ERROR, "Irretrievably lost packet: node " + src + " seq "
                    + m.hex("firstseq").orElse(0));
            default -> { } // NS_ackmsg: we keep no per-client flow control to release
        }
    }

    private void retransmit(String src, HaMessage m) {
        long first = m.decimalLong("firstseq").orElse(0);
        long last = Math.min(m.decimalLong("lastseq").orElse(first), first + 50);
        for (long s = first; s <= last; s++) {
            if (!outbox.resend(s)) {
                String why = s < outbox.oldestHeld() ? "seqno too low" : "seqno not found";
                outbox.send(ControlMessages.nakRexmit(src, s, why));
            }
        }
    }

    private void acknowledge(String src, long seq) {
        int trigger = ackTrigger.computeIfAbsent(src, k -> random.nextInt(ACK_EVERY));
        if (seq % ACK_EVERY == trigger) {
            outbox.send(ControlMessages.ackmsg(src, seq));
        }
    }

    long malformed() {
        return malformed;
    }

    long unknownNodes() {
        return unknownNodes;
    }

    /** Where a node's last message came from, for log lines about it. */
    String lastAddress(String node) {
        return lastAddress.getOrDefault(node, "?");
    }
}
