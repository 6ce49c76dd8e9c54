package org.vigil.agent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** A machine for the checker: a chosen node name and interfaces; files are the real ones unless added or hidden. */
public final class FakeHost implements HostEnvironment {

    private final String nodeName;
    private final Set<String> interfaces = new HashSet<>();
    private final Set<Path> extraFiles = new HashSet<>();
    private final Set<Path> hiddenFiles = new HashSet<>();

    public FakeHost(String nodeName, String... interfaces) {
        this.nodeName = nodeName;
        this.interfaces.addAll(Set.of(interfaces));
    }

    public FakeHost withFile(Path path) {
        extraFiles.add(path);
        return this;
    }

    /** As if the file did not exist on this machine, whether it does or not. */
    public FakeHost withoutFile(Path path) {
        hiddenFiles.add(path);
        return this;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public boolean hasInterface(String name) {
        return interfaces.contains(name);
    }

    @Override
    public boolean exists(Path path) {
        return !hiddenFiles.contains(path) && (extraFiles.contains(path) || Files.exists(path));
    }
}
