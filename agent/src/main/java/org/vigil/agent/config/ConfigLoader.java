package org.vigil.agent.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vigil.checks.builtin.BuiltinChecks;

/**
 * Loads ha.cf, authkeys and haresources and checks them together. Never throws for bad input:
 * the result always holds a configuration (with defaults where the files were unusable) and the
 * diagnostics that say what is wrong.
 */
public final class ConfigLoader {

    private final HostEnvironment host;

    public ConfigLoader(HostEnvironment host) {
        this.host = host;
    }

    /**
     * @param nodeOverride {@code --node}: the local node name, instead of {@code nodeinfo} or
     *     {@code uname -n}
     * @param catalog where resource names are looked up
     */
    public LoadedConfig load(ConfigPaths paths, Optional<String> nodeOverride, ResourceCatalog catalog) {
        Diagnostics diagnostics = new Diagnostics();
        HaCf haCf = ConfigFiles.read(paths.haCf(), diagnostics, true)
                .map(text -> HaCfParser.parse(paths.haCf().toString(), text, diagnostics, host))
                .orElseGet(() -> HaCfParser.parse(paths.haCf().toString(), "", new Diagnostics(), host));
        AuthKeys auth = loadAuthkeys(paths.authkeys(), diagnostics);
        HaResources resources = ConfigFiles.read(paths.haresources(), diagnostics, false)
                .map(text -> HaResourcesParser.parse(paths.haresources().toString(), text, diagnostics, catalog))
                .orElseGet(() -> {
                    diagnostics.note(paths.haresources().toString(), 0,
                            "no haresources file: Vigil will run membership only, with no resource groups");
                    return HaResources.none(paths.haresources().toString());
                });
        ChecksFile checks = loadChecks(paths.checks(), diagnostics);
        String localNode = localNode(paths.configDir(), nodeOverride);
        CrossFileRules rules = new CrossFileRules(haCf, resources, diagnostics);
        rules.checkLocalNode(localNode, nodeOverride.isPresent());
        rules.checkGroups();
        rules.checkChecks(checks);
        ClusterConfig config = new ClusterConfig(paths.configDir(), haCf, auth, resources, checks, localNode);
        return new LoadedConfig(config, diagnostics.sorted());
    }

    private static AuthKeys loadAuthkeys(Path path, Diagnostics diagnostics) {
        Optional<String> text = ConfigFiles.read(path, diagnostics, true);
        if (text.isEmpty()) {
            return AuthKeysParser.parse(path.toString(), "", new Diagnostics());
        }
        ConfigFiles.checkPrivate(path, diagnostics, true);
        return AuthKeysParser.parse(path.toString(), text.get(), diagnostics);
    }

    /** The checks file is optional: without it, Vigil fails over on node death only, like Heartbeat. */
    private static ChecksFile loadChecks(Path path, Diagnostics diagnostics) {
        Optional<String> text = ConfigFiles.read(path, diagnostics, false);
        if (text.isEmpty()) {
            return ChecksFile.none(path.toString());
        }
        if (text.get().contains("password")) {
            ConfigFiles.checkPrivate(path, diagnostics, false);
        }
        return ChecksFileParser.parse(path.toString(), text.get(), diagnostics, BuiltinChecks.registry());
    }

    /** {@code --node}, else the first line of {@code nodeinfo} (as Heartbeat), else {@code uname -n}. */
    private String localNode(Path configDir, Optional<String> override) {
        if (override.isPresent()) {
            return override.get().toLowerCase(Locale.ROOT);
        }
        Path nodeinfo = configDir.resolve("nodeinfo");
        if (host.exists(nodeinfo)) {
            Optional<String> text = ConfigFiles.read(nodeinfo, new Diagnostics(), false);
            Optional<String> first = text.flatMap(t -> t.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst());
            if (first.isPresent()) {
                return first.get().toLowerCase(Locale.ROOT);
            }
        }
        return host.nodeName();
    }
}
