package org.vigil.agent.membership;

import java.time.Duration;

/** Immutable view of one link of a node: status and time since something last arrived on it. */
public record LinkView(String name, LinkStatus status, Duration lastHeardAge) { }
