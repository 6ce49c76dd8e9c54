package org.vigil.agent.transport.conformance;

import java.util.List;

/**
 * One end of a medium as the contract sees it, whether the medium lives in this JVM or in a probe
 * process inside a test-bed node. Sends return once the frame was handed to the medium.
 */
public interface MediumEndpoint extends AutoCloseable {

    /** Sends {@code text} as one frame. */
    void send(String text);

    /** Sends {@code prefix + i} for i in 0..count-1 as fast as the medium takes them. */
    default void sendMany(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            send(prefix + i);
        }
    }

    /** Sends bytes that are not a frame. */
    void sendRaw(byte[] bytes);

    /** Closes the medium (not the endpoint's process): after this nothing may be delivered. */
    void closeMedium();

    /** Everything received so far, in arrival order. */
    List<Received> received();

    /** Releases the endpoint (process, threads); never throws. */
    @Override
    void close();
}
