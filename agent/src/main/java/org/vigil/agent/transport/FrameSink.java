package org.vigil.agent.transport;

/**
 * Receives frames from media. Called on a transport thread: implementations hand the frame to
 * the membership event loop and return at once.
 */
@FunctionalInterface
public interface FrameSink {

    void onFrame(InboundFrame frame);
}
