package org.vigil.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads haresources: one logical line per group ({@code \} continues a line, {@code #} starts a
 * comment), {@code node res1 res2::arg ...}. Names are resolved through a {@link ResourceCatalog};
 * a missing script is a warning (it may exist on the cluster node), a missing name one edit away
 * from a built-in is an error with the suggestion.
 */
public final class HaResourcesParser {

    private final String file;
    private final Diagnostics diagnostics;
    private final ResourceCatalog catalog;
    private final BuiltinArguments builtins;

    private HaResourcesParser(String file, Diagnostics diagnostics, ResourceCatalog catalog) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.catalog = catalog;
        this.builtins = new BuiltinArguments(file, diagnostics, catalog.host());
    }

    public static HaResources parse(String file, String content, Diagnostics diagnostics, ResourceCatalog catalog) {
        HaResourcesParser parser = new HaResourcesParser(file, diagnostics, catalog);
        List<ResourceGroup> groups = new ArrayList<>();
        for (ConfigText.Line line : ConfigText.lines(content, true)) {
            parser.group(line).ifPresent(groups::add);
        }
        return new HaResources(file, groups);
    }

    private Optional<ResourceGroup> group(ConfigText.Line line) {
        String[] words = ConfigText.words(line.text());
        if (words.length < 2) {
            diagnostics.error(file, line.number(), "node [" + words[0] + "] has no resources",
                    "write: NODE RESOURCE [RESOURCE...], e.g. " + words[0] + " 192.168.1.10 apache2");
            return Optional.empty();
        }
        List<ResourceSpec> resources = new ArrayList<>();
        for (String word : Arrays.asList(words).subList(1, words.length)) {
            resource(word, line.number()).ifPresent(resources::add);
        }
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceGroup(words[0].toLowerCase(Locale.ROOT), words[0], resources, line.number()));
    }

    private Optional<ResourceSpec> resource(String word, int line) {
        String name;
        List<String> args;
        String head = word.split("/", 2)[0];
        if (Addresses.looksLikeIpv4(head)) {
            name = "IPaddr";
            args = List.of(word);
        } else if (isBareIpv6(head)) {
            diagnostics.error(file, line, "[" + word + "] is a bare IPv6 address: only an IPv4 address stands for a"
                    + " resource on its own (IPaddr)", "write IPv6addr::" + word);
            return Optional.empty();
        } else {
            int cut = word.indexOf("::");
            name = cut < 0 ? word : word.substring(0, cut);
            String rest = cut < 0 ? "" : word.substring(cut + 2);
            if (ResourceCatalog.ADDRESS_RESOURCES.contains(name) && cut >= 0) {
                args = List.of(rest); // one address, "::" included
                warnIfHeartbeatSplitsIt(name, rest, line);
            } else {
                args = cut < 0 ? List.of() : List.of(rest.split("::", -1));
            }
        }
        if (name.isEmpty() || args.stream().anyMatch(String::isEmpty)) {
            diagnostics.error(file, line, "resource [" + word + "] has an empty name or argument",
                    "write NAME::ARG::ARG with no empty part");
            return Optional.empty();
        }
        if (!ResourceCatalog.isValidName(name)) {
            diagnostics.error(file, line, "resource name [" + printable(name) + "] is not a script name",
                    "use letters, digits and . _ - only");
            return Optional.empty();
        }
        ResourceCatalog.Resolution resolution = catalog.resolve(name);
        ResourceSpec spec = new ResourceSpec(name, args, word, resolution);
        if (resolution.kind() == ResourceCatalog.Kind.MISSING) {
            return missing(spec, line);
        }
        if (resolution.kind() == ResourceCatalog.Kind.BUILTIN) {
            builtins.check(spec, line);
        }
        return Optional.of(spec);
    }

    /** An IPv6 literal whose part before {@code ::} is not a script name we know (e.g. {@code cafe::1}). */
    private boolean isBareIpv6(String head) {
        int cut = head.indexOf("::");
        String name = cut < 0 ? head : head.substring(0, cut);
        return Addresses.ipv6Literal(head).isPresent()
                && (name.isEmpty() || catalog.resolve(name).kind() == ResourceCatalog.Kind.MISSING);
    }

    /**
     * Heartbeat's ResourceManager turns every {@code ::} into an argument break, so a compressed
     * IPv6 address reaches its IPv6addr as two arguments and the start fails there. Vigil reads
     * it whole; in a cluster with Heartbeat nodes the address must be written out.
     */
    private void warnIfHeartbeatSplitsIt(String name, String argument, int line) {
        String address = argument.split("/", 2)[0];
        if (address.contains("::") && Addresses.isIpv6(address)) {
            diagnostics.warning(file, line, "Heartbeat 3.0.6 splits [" + name + "::" + argument + "] at every '::'"
                    + " and cannot start it; Vigil reads one address", "if Heartbeat nodes share this file, write "
                    + name + "::" + Addresses.ipv6WrittenOut(address).orElse(address)
                    + argument.substring(address.length()));
        }
    }

    /** Control characters shown as {@code \\uXXXX}, so that a message stays one readable line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private Optional<ResourceSpec> missing(ResourceSpec spec, int line) {
        Optional<String> builtin = Suggestions.closest(spec.name(), ResourceCatalog.BUILTINS, 1);
        if (builtin.isPresent()) {
            diagnostics.error(file, line, "unknown resource [" + spec.name() + "]: no such built-in resource or script",
                    "did you mean " + builtin.get() + "?");
            return Optional.empty();
        }
        diagnostics.warning(file, line, "resource script [" + spec.name() + "] not found on this machine (looked in "
                + catalog.searchPath() + ")", "fine if it is installed on the cluster nodes");
        return Optional.of(spec);
    }
}
