package org.vigil.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.agent.config.ConfigLoader;
import org.vigil.agent.config.Diagnostic;
import org.vigil.agent.config.ConfigPaths;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.NodeComparison;
import org.vigil.agent.config.ResourceCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigil check-config}: prints every problem as {@code FILE:LINE: error|warning|note:
 * message}, then the cluster it understood. Exit 0 without errors, 1 with errors, 2 for unusable
 * arguments.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Check ha.cf, authkeys, haresources and checks (and explain every problem), then summarise the cluster.",
            "Exit status: 0 no errors (warnings allowed), 1 errors, 2 unusable arguments."})
final class CheckConfigCommand implements Callable<Integer> {

    static final int ERRORS = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--compare", paramLabel = "DIR", description = "Another node's configuration directory: report what differs from it (haresources and authkeys must be identical, timings should match).")
    Path compare;

    /** Replaced in tests. */
    HostEnvironment host = HostEnvironment.system();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (compare != null && !Files.isDirectory(compare)) {
            err.println("vigil check-config: --compare [" + compare + "] is not a directory");
            return USAGE;
        }
        Optional<LoadedConfig> load = config.load("vigil check-config", host, err);
        if (load.isEmpty()) {
            return USAGE;
        }
        LoadedConfig loaded = load.get();
        if (compare != null) {
            loaded = withComparison(loaded);
        }
        ConfigReport report = new ConfigReport(loaded);
        out.print(json ? Json.write(report.json()) : report.text());
        out.flush();
        return loaded.hasErrors() ? ERRORS : 0;
    }

    /** Adds the differences from the other node's files; that node's own problems are not repeated. */
    private LoadedConfig withComparison(LoadedConfig loaded) {
        LoadedConfig peer = new ConfigLoader(host).load(ConfigPaths.in(compare),
                loaded.config().haCf().nodes().stream().findFirst(), ResourceCatalog.standard(compare, host));
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(NodeComparison.compare(loaded.config(), peer.config()));
        return new LoadedConfig(loaded.config(), all);
    }

    /** The options every command that reads the configuration shares. */
    static final class ConfigOptions {

        @Option(names = "--config-dir", paramLabel = "DIR", description = "Directory of ha.cf, authkeys and haresources (default: ${DEFAULT-VALUE}).",
                defaultValue = "/etc/ha.d")
        Path configDir;

        @Option(names = "--node", paramLabel = "NAME", description = "This node's name (default: nodeinfo in the config directory, else uname -n).")
        String node;

        @Option(names = "--ha-cf", paramLabel = "FILE", description = "Read this file instead of DIR/ha.cf.")
        Path haCf;

        @Option(names = "--authkeys", paramLabel = "FILE", description = "Read this file instead of DIR/authkeys.")
        Path authkeys;

        @Option(names = "--haresources", paramLabel = "FILE", description = "Read this file instead of DIR/haresources.")
        Path haresources;

        @Option(names = "--checks", paramLabel = "FILE", description = "Read this file instead of DIR/checks.")
        Path checks;

        @Option(names = "--resource-dir", paramLabel = "DIR", description = "Where resource scripts are looked up, in order (repeatable; default: DIR/resource.d and /etc/init.d).")
        List<Path> resourceDirs = new ArrayList<>();

        @Option(names = "--ocf-dir", paramLabel = "DIR", description = "Where OCF agents are looked up (repeatable; default: /usr/lib/ocf/resource.d/heartbeat).")
        List<Path> ocfDirs = new ArrayList<>();

        /**
         * The configuration, loaded; or empty after saying on {@code err} why the arguments are
         * unusable (the caller exits with {@link #USAGE}).
         */
        Optional<LoadedConfig> load(String command, HostEnvironment host, PrintWriter err) {
            Optional<String> unusable = problem();
            if (unusable.isPresent()) {
                err.println(command + ": " + unusable.get());
                return Optional.empty();
            }
            return Optional.of(new ConfigLoader(host).load(paths(), node(), catalog(host)));
        }

        Optional<String> problem() {
            if (!Files.isDirectory(configDir)) {
                return Optional.of("--config-dir [" + configDir + "] is not a directory");
            }
            if (node != null && !node.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                return Optional.of("--node [" + node + "] is not a node name");
            }
            return Optional.empty();
        }

        ConfigPaths paths() {
            ConfigPaths paths = ConfigPaths.in(configDir);
            if (haCf != null) {
                paths = paths.withHaCf(haCf);
            }
            if (authkeys != null) {
                paths = paths.withAuthkeys(authkeys);
            }
            if (haresources != null) {
                paths = paths.withHaresources(haresources);
            }
            if (checks != null) {
                paths = paths.withChecks(checks);
            }
            return paths;
        }

        Optional<String> node() {
            return Optional.ofNullable(node);
        }

        ResourceCatalog catalog(HostEnvironment host) {
            ResourceCatalog standard = ResourceCatalog.standard(configDir, host);
            if (resourceDirs.isEmpty() && ocfDirs.isEmpty()) {
                return standard;
            }
            List<Path> scripts = resourceDirs.isEmpty() ? List.of(configDir.resolve("resource.d"), Path.of("/etc/init.d")) : resourceDirs;
            List<Path> ocf = ocfDirs.isEmpty() ? List.of(Path.of("/usr/lib/ocf/resource.d/heartbeat")) : ocfDirs;
            return new ResourceCatalog(scripts, ocf, host);
        }
    }
}
