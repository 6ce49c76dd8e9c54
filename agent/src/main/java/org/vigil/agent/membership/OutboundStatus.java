package org.vigil.agent.membership;

import java.util.Objects;

/**
 * What the local node announces every keepalive: {@code t=status st=<status> dt=<hex ms>}.
 * Sequence number, generation and the other default fields are the codec's business.
 *
 * @param status               the local status ({@code init}, {@code up}, {@code active})
 * @param advertisedDeadtimeMs the {@code dt} to send: deadtime, plus 2000 ms during the first 5 s
 */
public record OutboundStatus(NodeStatus status, long advertisedDeadtimeMs) {
    public OutboundStatus {
        Objects.requireNonNull(status, "status");
    }
}
