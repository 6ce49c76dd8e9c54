package org.vigil.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.agent.demo.DemoCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil demo}: what Vigil does when nothing is configured. It checks the bundled example
 * configuration ({@code config/} in the project) in a private copy, since git does not keep
 * authkeys' mode 600, then runs {@link DemoCluster}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Vigil's main job when nothing is configured: check the bundled example configuration (config/),",
            "then run a three-node demo cluster in this process: start, crash, detection, return, graceful stop."})
final class DemoCommand implements Callable<Integer> {

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static final List<String> FILES = List.of("ha.cf", "authkeys", "haresources");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String home = System.getProperty("vigil.home");
        Path example = Path.of(home == null ? "." : home, "config");
        if (!Files.isRegularFile(example.resolve("ha.cf"))) {
            err.println("vigil demo: no example configuration at [" + example + "] (run it through bin/vigil)");
            return CheckConfigCommand.USAGE;
        }
        Path copy = Files.createTempDirectory("vigil-demo-");
        try {
            for (String name : FILES) {
                Files.copy(example.resolve(name), copy.resolve(name));
            }
            Files.setPosixFilePermissions(copy.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
            spec.commandLine().getOut().println("Checking the example configuration " + example + " as node alpha:\n");
            int checked = spec.commandLine().getParent().execute("check-config", "--config-dir", copy.toString(), "--node", "alpha");
            if (checked != 0) {
                return checked;
            }
            spec.commandLine().getOut().println("\nRunning a three-node demo cluster (real Vigil nodes on an in-memory network):\n");
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
            return new DemoCluster(spec.commandLine().getOut(), copy).run();
        } finally {
            deleteTree(copy);
        }
    }

}
