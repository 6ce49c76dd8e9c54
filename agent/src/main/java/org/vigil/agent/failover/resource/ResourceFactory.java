package org.vigil.agent.failover.resource;

import java.util.Map;
import org.vigil.agent.config.ResourceCatalog;
import org.vigil.agent.config.ResourceSpec;

/**
 * Turns a haresources resource into its agent: Vigil's built-ins first, then scripts from the
 * script directories, then OCF agents, as the catalog resolved them. Scripts get the Heartbeat
 * environment ({@code HA_CURHOST}).
 */
public final class ResourceFactory {

    private final ResourceEnvironment env;

    public ResourceFactory(ResourceEnvironment env) {
        this.env = env;
    }

    /** @throws IllegalArgumentException for a resource that check-config reports as an error */
    public ResourceAgent create(ResourceSpec spec, String groupKey) {
        String name = spec.text();
        switch (spec.resolution().kind()) {
            case BUILTIN:
                return builtin(spec, name);
            case SCRIPT:
                return new ScriptAgent(name, spec.resolution().path().orElseThrow(), spec.args(),
                        Map.of("HA_CURHOST", env.nodeName(), "HA_RSCTMP", env.stateDir().toString()), env.runner(), env.timeout());
            case OCF:
                return new OcfAgent(name, spec.resolution().path().orElseThrow(), spec.args(),
                        spec.name() + "_" + Integer.toHexString(groupKey.hashCode()), env.runner(), env.timeout());
            default:
                throw new IllegalArgumentException("resource [" + spec.name() + "] was not found in "
                        + "the script directories; run vigil check-config");
        }
    }

    private ResourceAgent builtin(ResourceSpec spec, String name) {
        return switch (spec.name()) {
            case "IPaddr", "IPaddr2", "IPv6addr" -> new IpAddrAgent(name, IpAddressSpec.parse(spec.args().get(0)),
                    env.runner(), env.timeout(), env.announcer(), env.sendUa());
            case "Filesystem" -> new FilesystemAgent(name, spec.args(), env.runner(), env.timeout());
            case "drbddisk" -> new DrbdDiskAgent(name, spec.args(), env.drbdadm(), env.runner(), env.timeout());
            case "MailTo" -> new MailToAgent(name, spec.args(), env.stateDir(), env.nodeName(), env.sendmail(), env.runner());
            default -> throw new IllegalArgumentException("no built-in resource [" + spec.name() + "]");
        };
    }

    /** Whether the catalog's answer can be run at all. */
    public static boolean runnable(ResourceSpec spec) {
        return spec.resolution().kind() != ResourceCatalog.Kind.MISSING;
    }
}
