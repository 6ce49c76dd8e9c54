package org.vigil.agent.failover;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.agent.failover.resource.OpResult;
import org.vigil.agent.failover.resource.ResourceAgent;
import org.vigil.agent.failover.resource.ResourceState;

/**
 * Starts a resource group left to right and stops it right to left, as Heartbeat's
 * ResourceManager does. A resource that status reports running is not started again (but
 * IPaddr announces itself anyway). A failed start stops what this attempt started, in reverse,
 * so the peer can try; a failed stop is retried, then reported as a stop failure for the caller
 * to escalate.
 */
public final class GroupRunner {

    private static final System.Logger LOG = System.getLogger(GroupRunner.class.getName());

    /** Heartbeat's HA_STOPRETRYMAX. */
    public static final int STOP_ATTEMPTS = 10;

    private final String group;
    private final List<ResourceAgent> resources;
    private final Pause pause;

    /** How to wait between stop retries; tests pass a no-op. */
    @FunctionalInterface
    public interface Pause {
        void pause();
    }

    public GroupRunner(String group, List<ResourceAgent> resources, Pause pause) {
        this.group = group;
        this.resources = List.copyOf(resources);
        this.pause = pause;
    }

    public String group() {
        return group;
    }

    public GroupOutcome start() {
        List<String> log = new ArrayList<>();
        info(log, "Acquiring resource group: " + group);
        List<ResourceAgent> started = new ArrayList<>();
        for (ResourceAgent r : resources) {
            if (!startOne(r, log)) {
                LOG.log(Level.ERROR, "Giving up resources due to failure of " + r.name());
                log.add("CRIT: Giving up resources due to failure of " + r.name());
                boolean stopFailed = !stopAll(started, log);
                return new GroupOutcome(group, false, r.name(), stopFailed, log);
            }
            started.add(r);
        }
        return new GroupOutcome(group, true, "", false, log);
    }

    private boolean startOne(ResourceAgent r, List<String> log) {
        OpResult status = r.status();
        if (status.success() && status.state() == ResourceState.RUNNING && !r.startAnnounces()) {
            info(log, "Resource " + r.name() + " is already running");
            return true;
        }
        info(log, "Running " + r.name() + " start");
        OpResult start = r.start();
        if (!start.success()) {
            warn(log, "start of " + r.name() + " failed: " + start.detail());
        }
        return start.success();
    }

    /** The resource named as written in haresources ({@code apache2}, {@code IPaddr2::10.0.0.1}) or by its type name. */
    public Optional<ResourceAgent> resource(String name) {
        return resources.stream().filter(r -> r.name().equals(name) || r.name().startsWith(name + "::")).findFirst();
    }

    /** Whether any resource of the group reports running (what the start-up cleanup looks for). */
    public boolean anyRunning() {
        return resources.stream().map(ResourceAgent::status)
                .anyMatch(s -> s.success() && s.state() == ResourceState.RUNNING);
    }

    public GroupOutcome stop() {
        List<String> log = new ArrayList<>();
        info(log, "Releasing resource group: " + group);
        boolean ok = stopAll(resources, log);
        return new GroupOutcome(group, ok, ok ? "" : "stop", !ok, log);
    }

    /** Stops right to left; every resource is tried even after one fails. */
    private boolean stopAll(List<ResourceAgent> list, List<String> log) {
        boolean all = true;
        for (int i = list.size() - 1; i >= 0; i--) {
            all &= stopOne(list.get(i), log);
        }
        return all;
    }

    private boolean stopOne(ResourceAgent r, List<String> log) {
        for (int attempt = 1; attempt <= STOP_ATTEMPTS; attempt++) {
            info(log, "Running " + r.name() + " stop" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
            OpResult stop = r.stop();
            if (stop.success()) {
                OpResult status = r.status();
                if (!status.success() || status.state() != ResourceState.RUNNING) {
                    return true;
                }
                warn(log, r.name() + " still reports running after a successful stop: the script is probably not LSB-compliant");
            } else {
                warn(log, "stop of " + r.name() + " failed: " + stop.detail());
                if (reportsStopped(r)) {
                    error(log, "Resource script for " + r.name() + " probably not LSB-compliant: its stop failed but its"
                            + " status says stopped; it MUST succeed on a stop when already stopped. Counted as stopped.");
                    return true;
                }
            }
            if (attempt < STOP_ATTEMPTS) {
                pause.pause();
            }
        }
        LOG.log(Level.ERROR, "Resource STOP failure: " + r.name() + " in group " + group);
        log.add("CRIT: Resource STOP failure: " + r.name());
        return false;
    }

    /**
     * Heartbeat reboots only if status still says running after the failed stops ("Machine
     * reboot narrowly avoided!" otherwise); Vigil asks after each failed stop, so a script that
     * fails to stop what is already stopped does not cost 10 retries of the handover.
     */
    private static boolean reportsStopped(ResourceAgent r) {
        OpResult status = r.status();
        return status.success() && status.state() == ResourceState.STOPPED;
    }

    private static void error(List<String> log, String message) {
        LOG.log(Level.ERROR, message);
        log.add("ERROR: " + message);
    }

    private static void info(List<String> log, String message) {
        LOG.log(Level.INFO, message);
        log.add("info: " + message);
    }

    private static void warn(List<String> log, String message) {
        LOG.log(Level.WARNING, message);
        log.add("WARN: " + message);
    }
}
