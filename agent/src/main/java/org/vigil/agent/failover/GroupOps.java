package org.vigil.agent.failover;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Runs the starts and stops the resource manager decided, one at a time and in order, as
 * Heartbeat's ResourceManager script does: a batch's completion action runs once every operation
 * of the batch has been reported. Operations that are already true (start of a held group, stop
 * of a stopped one) complete without calling the runtime, except {@link Kind#REANNOUNCE}.
 */
final class GroupOps {

    /**
     * START and STOP are skipped when already true; REANNOUNCE re-runs the start of a started
     * group; RELEASE stops even a group believed stopped (after a failed start GroupRunner rolled
     * back only what that attempt started: resources found running stay up).
     */
    enum Kind { START, STOP, REANNOUNCE, RELEASE }

    record Op(String key, Kind kind) {
    }

    /** Called when a whole batch is done. */
    @FunctionalInterface
    interface Done {
        void run(Result result, long now);
    }

    /** What a batch did: keys whose start failed, keys whose stop failed, keys stopped cleanly. */
    record Result(List<String> failedStarts, List<String> failedStops, List<String> stopped) {
        boolean clean() {
            return failedStarts.isEmpty() && failedStops.isEmpty();
        }
    }

    private static final class Batch {
        final Deque<Op> ops;
        final Done done;
        final List<String> failedStarts = new ArrayList<>();
        final List<String> failedStops = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();

        Batch(List<Op> ops, Done done) {
            this.ops = new ArrayDeque<>(ops);
            this.done = done;
        }
    }

    private final Map<String, LocalGroup> groups;
    private final ResourceActions actions;
    private final Deque<Batch> batches = new ArrayDeque<>();
    private Op inFlight;
    private boolean paused;
    private boolean closed;
    /** Guards against re-entrant pumping when a completion action submits another batch. */
    private boolean pumping;

    GroupOps(Map<String, LocalGroup> groups, ResourceActions actions) {
        this.groups = groups;
        this.actions = actions;
    }

    void submit(List<Op> ops, Done done, long now) {
        List<Op> allowed = closed ? ops.stream().filter(op -> op.kind() == Kind.STOP || op.kind() == Kind.RELEASE)
                .toList() : ops;
        batches.add(new Batch(allowed, done));
        pump(now);
    }

    /** Shutdown: from now on only stops are run (a late answer must not start anything). */
    void close() {
        closed = true;
    }

    /** Whether a start of the group is queued (not yet sent to the runtime). */
    boolean pendingStart(String key) {
        for (Batch b : batches) {
            for (Op op : b.ops) {
                if (op.key().equals(key) && op.kind() == Kind.START) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Nothing queued or running. */
    boolean idle() {
        return inFlight == null && batches.isEmpty();
    }

    /** Maintenance mode: nothing new is sent to the runtime (what runs already completes). */
    void paused(boolean p, long now) {
        paused = p;
        pump(now);
    }

    /** Drops every queued batch (shutdown replaces all plans); the running operation still completes. */
    void clearQueued() {
        Batch running = inFlight == null ? null : batches.peekFirst();
        batches.clear();
        if (running != null) {
            running.ops.clear();
            batches.add(running);
        }
    }

    /** @return false when the outcome matches no requested operation (ignored) */
    boolean onOutcome(GroupOutcome outcome, long now) {
        if (inFlight == null || !inFlight.key().equals(outcome.group())) {
            return false;
        }
        Batch b = batches.peekFirst();
        LocalGroup g = groups.get(inFlight.key());
        if (inFlight.kind() == Kind.STOP || inFlight.kind() == Kind.RELEASE) {
            if (outcome.success()) {
                g.state(GroupState.STOPPED, now);
                b.stopped.add(g.key());
            } else {
                g.state(GroupState.STOP_FAILED, now);
                b.failedStops.add(g.key());
            }
        } else if (outcome.success()) {
            g.state(GroupState.STARTED, now);
        } else {
            // GroupRunner rolled the partial start back; a stop failure during that rollback
            // leaves the group possibly running.
            g.state(outcome.stopFailed() ? GroupState.STOP_FAILED : GroupState.STOPPED, now);
            (outcome.stopFailed() ? b.failedStops : b.failedStarts).add(g.key());
        }
        inFlight = null;
        pump(now);
        return true;
    }

    private void pump(long now) {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (inFlight == null && !paused && !batches.isEmpty()) {
                Batch b = batches.peekFirst();
                if (b.ops.isEmpty()) {
                    batches.pollFirst();
                    b.done.run(new Result(List.copyOf(b.failedStarts), List.copyOf(b.failedStops),
                            List.copyOf(b.stopped)), now);
                    continue;
                }
                issue(b.ops.pollFirst(), now);
            }
        } finally {
            pumping = false;
        }
    }

    private void issue(Op op, long now) {
        LocalGroup g = groups.get(op.key());
        switch (op.kind()) {
            case START -> {
                if (g.state().holding()) {
                    return;
                }
                g.state(GroupState.STARTING, now);
                inFlight = op;
                actions.startGroup(op.key());
            }
            case REANNOUNCE -> {
                if (g.state() != GroupState.STARTED) {
                    return;
                }
                inFlight = op; // the group stays STARTED: its start only re-announces it
                actions.startGroup(op.key());
            }
            case STOP, RELEASE -> {
                if (op.kind() == Kind.STOP && g.state() == GroupState.STOPPED) {
                    return;
                }
                g.state(GroupState.STOPPING, now);
                inFlight = op;
                actions.stopGroup(op.key());
            }
            default -> throw new IllegalStateException(op.kind().toString());
        }
    }
}
