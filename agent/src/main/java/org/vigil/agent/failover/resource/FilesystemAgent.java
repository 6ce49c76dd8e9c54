package org.vigil.agent.failover.resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;

/**
 * Built-in {@code Filesystem::device::directory[::fstype[::options]]}: mount on start, unmount on
 * stop. A busy file system is freed as Heartbeat's agent does, by killing the processes that use
 * it ({@code fuser -km}) before the next unmount attempt. Mounted means listed in
 * {@code /proc/self/mounts} at that directory.
 */
public final class FilesystemAgent implements ResourceAgent {

    private final String name;
    private final String device;
    private final String directory;
    private final Optional<String> fstype;
    private final Optional<String> options;
    private final CommandRunner runner;
    private final Duration timeout;

    public FilesystemAgent(String name, List<String> args, CommandRunner runner, Duration timeout) {
        this.name = name;
        this.device = args.get(0);
        this.directory = stripSlash(args.get(1));
        this.fstype = args.size() > 2 ? Optional.of(args.get(2)) : Optional.empty();
        this.options = args.size() > 3 ? Optional.of(args.get(3)) : Optional.empty();
        this.runner = runner;
        this.timeout = timeout;
    }

    private static String stripSlash(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpResult start() {
        OpResult status = status();
        if (status.state() == ResourceState.RUNNING) {
            return OpResult.ok(ResourceState.RUNNING, directory + " is already mounted");
        }
        CommandResult mkdir = run(List.of("mkdir", "-p", directory));
        if (!mkdir.succeeded()) {
            return OpResult.failed(mkdir.describe() + ": " + mkdir.stderr().strip());
        }
        List<String> mount = new ArrayList<>(List.of("mount"));
        fstype.ifPresent(t -> mount.addAll(List.of("-t", t)));
        options.ifPresent(o -> mount.addAll(List.of("-o", o)));
        mount.add(device);
        mount.add(directory);
        CommandResult r = run(mount);
        return r.succeeded() ? OpResult.ok(ResourceState.RUNNING, device + " mounted on " + directory)
                : OpResult.failed(r.describe() + ": " + r.stderr().strip());
    }

    @Override
    public OpResult stop() {
        if (status().state() == ResourceState.STOPPED) {
            return OpResult.ok(ResourceState.STOPPED, directory + " is not mounted");
        }
        CommandResult umount = run(List.of("umount", directory));
        if (umount.succeeded()) {
            return OpResult.ok(ResourceState.STOPPED, directory + " unmounted");
        }
        // Busy: kill the users, so that the next attempt (the caller retries) can unmount.
        run(List.of("fuser", "-km", directory));
        return OpResult.failed(umount.describe() + ": " + umount.stderr().strip() + " (killed the processes using it)");
    }

    @Override
    public OpResult status() {
        CommandResult mounts = run(List.of("cat", "/proc/self/mounts"));
        if (!mounts.succeeded()) {
            return OpResult.failed(mounts.describe());
        }
        boolean mounted = mounts.stdout().lines().map(l -> l.split(" ")).anyMatch(f -> f.length > 1
                && f[1].replace("\\040", " ").equals(directory));
        return OpResult.ok(mounted ? ResourceState.RUNNING : ResourceState.STOPPED,
                directory + (mounted ? " is mounted" : " is not mounted"));
    }

    private CommandResult run(List<String> command) {
        return runner.run(command, Map.of(), timeout);
    }
}
