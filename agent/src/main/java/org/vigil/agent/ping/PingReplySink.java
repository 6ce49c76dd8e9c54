package org.vigil.agent.ping;

/** Told when a ping node answered; the membership loop treats it as a heartbeat from that node. */
@FunctionalInterface
public interface PingReplySink {

    void onReply(String pingNode);
}
