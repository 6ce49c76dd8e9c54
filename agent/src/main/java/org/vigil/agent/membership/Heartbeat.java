package org.vigil.agent.membership;

import java.util.Locale;
import java.util.Objects;

/**
 * One inbound message as membership sees it, already decoded and authenticated by the codec.
 *
 * <p>The arrival time is not a field: it is the {@code now} passed to
 * {@link Membership#onMessage(Heartbeat, long)}, so that the one event loop reads the ticker.
 *
 * @param kind       which message type this is
 * @param src        the sender's node name ({@code src}); lower-cased here as Heartbeat does
 * @param link       the medium it arrived on (interface or tty name, e.g. {@code eth0})
 * @param seq        the sender's per-process sequence number ({@code seq}); 0 for ping replies
 * @param generation the sender's generation ({@code hg}); 0 for ping replies
 * @param deadtimeMs the dead time the sender advertises ({@code dt}, ms); 0 if absent
 * @param status     the sender's status word ({@code st}), e.g. {@code up}; may be empty
 */
public record Heartbeat(MessageKind kind, String src, String link, long seq, long generation,
        long deadtimeMs, String status) {

    public Heartbeat {
        Objects.requireNonNull(kind, "kind");
        src = Objects.requireNonNull(src, "src").toLowerCase(Locale.ROOT);
        Objects.requireNonNull(link, "link");
        status = status == null ? "" : status;
    }

    /** A {@code t=status} heartbeat. */
    public static Heartbeat status(String src, String link, long seq, long generation,
            long deadtimeMs, String status) {
        return new Heartbeat(MessageKind.STATUS, src, link, seq, generation, deadtimeMs, status);
    }

    /** A {@code t=shutdone st=dead} graceful-shutdown notice. */
    public static Heartbeat shutdone(String src, String link, long seq, long generation) {
        return new Heartbeat(MessageKind.SHUTDONE, src, link, seq, generation, 0, "dead");
    }

    /** Any other sequenced message ({@code t} is not status or shutdone): tracking and liveness only. */
    public static Heartbeat other(String src, String link, long seq, long generation) {
        return new Heartbeat(MessageKind.OTHER, src, link, seq, generation, 0, "");
    }

    /** An echo reply from ping node {@code src} (an IP or ping_group name). */
    public static Heartbeat ping(String src, String link) {
        return new Heartbeat(MessageKind.PING, src, link, 0, 0, 0, "ping");
    }
}
