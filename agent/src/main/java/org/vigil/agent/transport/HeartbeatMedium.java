package org.vigil.agent.transport;

/**
 * One heartbeat medium at the byte level: whole frames out, whole frames in. Every message goes
 * out on every medium; decoding, authentication and duplicate suppression happen above. Sending
 * never throws: a medium that cannot send (cable unplugged) counts and reports the error, as
 * Heartbeat logs {@code write failure}, and keeps trying.
 */
public interface HeartbeatMedium extends AutoCloseable {

    /** The link name: interface or tty name. Two media on one interface share it. */
    String linkName();

    /**
     * Whether this medium carries classic {@code >>>}/{@code <<<} frames: Heartbeat's serial links
     * always do, whatever {@code msgfmt} says; UDP carries 3.0 netstrings.
     */
    default boolean classicFraming() {
        return false;
    }

    /** Opens the medium and starts delivering received frames to {@code sink}. */
    void start(FrameSink sink) throws MediumException;

    /** Sends one frame; never blocks for long, never throws. */
    void send(byte[] frame);

    /** Frames that could not be sent since start. */
    long sendErrors();

    @Override
    void close();
}
