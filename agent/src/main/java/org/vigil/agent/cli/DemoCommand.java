package org.vigil.agent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil demo}: what Vigil does when nothing is configured. For now it checks the bundled
 * example configuration ({@code config/} in the project) in a private copy, since git does not
 * keep authkeys' mode 600. The simulated demo cluster replaces this once membership lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Check the bundled example configuration (config/) as node alpha.")
final class DemoCommand implements Callable<Integer> {

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
            return spec.commandLine().getParent().execute("check-config", "--config-dir", copy.toString(), "--node", "alpha");
        } finally {
            for (String name : FILES) {
                Files.deleteIfExists(copy.resolve(name));
            }
            Files.deleteIfExists(copy);
        }
    }

}
