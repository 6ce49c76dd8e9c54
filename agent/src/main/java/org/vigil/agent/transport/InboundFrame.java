package org.vigil.agent.transport;

/**
 * Bytes that arrived on a link, not yet decoded or authenticated.
 *
 * @param linkName the link it arrived on (the interface or tty name, as in {@code Link b:eth0 up.})
 * @param sender where it came from, for logs and drop counters ({@code host:port} or the tty)
 */
public record InboundFrame(String linkName, byte[] payload, String sender) {
}
