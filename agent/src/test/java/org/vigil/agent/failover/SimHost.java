package org.vigil.agent.failover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.wire.HaMessage;

/**
 * One simulated node: its {@link ResourceManager} and a fake group executor that completes starts
 * and stops after configurable delays (or fails them), recording what really runs on the node.
 */
final class SimHost implements ResourceActions {

    /** What the fake executor is doing with a group. */
    enum Exec { STARTING, STARTED, STOPPING }

    /** One message this node sent. */
    record Sent(long atMs, HaMessage body, Optional<String> dest) {
        String type() {
            return body.type().orElse("");
        }
    }

    final String name;
    final FailoverSim sim;
    ResourceManager rm;
    boolean up;
    final Map<String, Exec> exec = new LinkedHashMap<>();
    final List<LogLine> logs = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    final List<String> stopFailures = new ArrayList<>();
    final List<String> fenced = new ArrayList<>();
    /** Every start/stop request, in order, as "start key" / "stop key". */
    final List<String> ops = new ArrayList<>();
    Boolean exitedWithShutdone;
    long startDelayMs = 100;
    long stopDelayMs = 100;
    final Set<String> failStart = new HashSet<>();
    final Set<String> failStop = new HashSet<>();
    boolean fenceFails;

    SimHost(String name, FailoverSim sim) {
        this.name = name;
        this.sim = sim;
    }

    @Override
    public void startGroup(String key) {
        ops.add("start " + key);
        boolean reannounce = exec.get(key) == Exec.STARTED;
        if (!reannounce) {
            exec.put(key, Exec.STARTING);
        }
        sim.timeline.add(sim.nowMs() + " " + name + " start-begin " + key);
        sim.check();
        ResourceManager owner = rm;
        sim.after(startDelayMs, () -> {
            if (!up || rm != owner) {
                return; // powered off meanwhile: the script died with the machine
            }
            boolean ok = !failStart.contains(key);
            if (ok) {
                exec.put(key, Exec.STARTED);
            } else if (!reannounce) {
                exec.remove(key);
            }
            sim.timeline.add(sim.nowMs() + " " + name + " start-end " + key);
            deliver(owner, new GroupOutcome(key, ok, ok ? "" : key, false, List.of()));
        });
    }

    @Override
    public void stopGroup(String key) {
        ops.add("stop " + key);
        exec.put(key, Exec.STOPPING);
        sim.timeline.add(sim.nowMs() + " " + name + " stop-begin " + key);
        ResourceManager owner = rm;
        sim.after(stopDelayMs, () -> {
            if (!up || rm != owner) {
                return;
            }
            boolean ok = !failStop.contains(key);
            if (ok) {
                exec.remove(key);
            } else {
                exec.put(key, Exec.STARTED);
            }
            sim.timeline.add(sim.nowMs() + " " + name + " stop-end " + key);
            deliver(owner, new GroupOutcome(key, ok, ok ? "" : "stop", !ok, List.of()));
        });
    }

    private void deliver(ResourceManager owner, GroupOutcome o) {
        if (up && rm == owner) {
            rm.onGroupOutcome(o, sim.now());
        }
        sim.check();
    }

    @Override
    public void send(HaMessage body, Optional<String> dest) {
        sent.add(new Sent(sim.nowMs(), body, dest));
        sim.transmit(this, body, dest);
    }

    @Override
    public void fence(String node) {
        fenced.add(node);
        sim.after(50, () -> {
            if (!fenceFails) {
                sim.powerOff(node);
            }
            if (up) {
                rm.onFenceResult(node, !fenceFails, sim.now());
            }
        });
    }

    @Override
    public void log(LogLine line) {
        logs.add(line);
    }

    @Override
    public void stopFailed(String key) {
        stopFailures.add(key);
    }

    @Override
    public void readyToExit(boolean sendShutdone) {
        exitedWithShutdone = sendShutdone;
        sim.exited(this, sendShutdone);
    }

    /** Keys the node really holds (starting, started or stopping). */
    Set<String> holding() {
        return exec.keySet();
    }

    boolean logged(String text) {
        return logs.stream().anyMatch(l -> l.text().equals(text));
    }

    boolean loggedContaining(String text) {
        return logs.stream().anyMatch(l -> l.text().contains(text));
    }

    List<Sent> sentOfType(String t) {
        return sent.stream().filter(s -> s.type().equals(t)).toList();
    }
}
