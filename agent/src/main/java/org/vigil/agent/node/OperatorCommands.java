package org.vigil.agent.node;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.vigil.agent.failover.ResourceManager;
import org.vigil.agent.failover.RscHold;

/**
 * Heartbeat's operator commands on the control socket: {@code standby [all|local|foreign]}
 * (hb_standby: give groups to the peer), {@code takeover [all|local|foreign]} (hb_takeover: take
 * them), {@code maintenance on|off} (stop managing, touch nothing).
 */
final class OperatorCommands {

    private OperatorCommands() {
    }

    static void register(ControlServer control, Consumer<Consumer<ResourceManager>> onLoop, LongSupplier now) {
        control.command("standby", args -> which(args).map(w -> {
            onLoop.accept(rm -> rm.standby(w, now.getAsLong()));
            return new ControlServer.Reply(true, "standby [" + w.wireName() + "] requested: the peer takes over\n");
        }).orElse(usage("standby")));
        control.command("takeover", args -> which(args).map(w -> {
            onLoop.accept(rm -> rm.takeover(w, now.getAsLong()));
            return new ControlServer.Reply(true, "takeover [" + w.wireName() + "] requested\n");
        }).orElse(usage("takeover")));
        control.command("maintenance", args -> {
            if (args.size() != 1 || !List.of("on", "off").contains(args.get(0))) {
                return new ControlServer.Reply(false, "usage: maintenance on|off\n");
            }
            boolean on = args.get(0).equals("on");
            onLoop.accept(rm -> rm.setMaintenance(on, now.getAsLong()));
            return new ControlServer.Reply(true, on ? "maintenance on: resources are left as they are\n"
                    : "maintenance off: resources are managed again\n");
        });
    }

    /** all, local or foreign (hb_standby's default is all; failback means foreign). */
    private static Optional<RscHold> which(List<String> args) {
        if (args.isEmpty()) {
            return Optional.of(RscHold.ALL);
        }
        return args.size() == 1 ? RscHold.fromWire(args.get(0)).filter(h -> h != RscHold.NONE) : Optional.empty();
    }

    private static ControlServer.Reply usage(String command) {
        return new ControlServer.Reply(false, "usage: " + command + " [all|local|foreign]\n");
    }
}
