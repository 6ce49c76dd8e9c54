package org.vigil.agent.transport.conformance;

/**
 * One frame as the receiving endpoint saw it.
 *
 * @param link the link name the medium reported
 * @param sender the sender the medium reported, without a UDP port (ports are ephemeral for mcast)
 * @param text the text between the frame markers, or {@link Frames#UNFRAMED} plus the length for
 *     bytes that were not one of our frames (garbage passed through)
 */
public record Received(String link, String sender, String text) {
}
