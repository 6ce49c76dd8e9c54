/**
 * The Heartbeat 3.0.6 wire format and message authentication.
 *
 * <p>Outbound: build a body ({@link org.vigil.agent.wire.ControlMessages} or
 * {@link org.vigil.agent.wire.HaMessage#builder()}), append Heartbeat's default fields with
 * {@link org.vigil.agent.wire.DefaultFields}, then sign and frame with
 * {@link org.vigil.agent.wire.WireEncoder#encodeNetstring} (what 3.0.6 sends on UDP) or
 * {@link org.vigil.agent.wire.WireEncoder#encodeClassic} (serial, 2.x peers).
 *
 * <p>Inbound: {@link org.vigil.agent.wire.WireDecoder#decode} detects the framing, bounds every
 * length by the bytes present, authenticates against any configured key index and returns a
 * {@link org.vigil.agent.wire.DecodeResult}; rejections carry a
 * {@link org.vigil.agent.wire.DropReason} for {@link org.vigil.agent.wire.DropCounter}.
 *
 * <p>Nothing in this package reads a clock, does I/O or logs by itself.
 */
package org.vigil.agent.wire;
