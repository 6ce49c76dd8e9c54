package org.vigil.agent.failover;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.vigil.agent.wire.HaMessage;

/**
 * The resource-protocol messages, with the field names, order and value forms a Heartbeat 3.0.6
 * node sends (see the captures' index.tsv). Only the message's own fields are built here; the
 * runtime appends the default fields and authentication.
 */
final class ResourceMessages {

    static final String STARTING = "starting";
    static final String RESOURCE = "resource";
    static final String ASK_RESOURCES = "ask_resources";
    static final String HB_TAKEOVER = "hb_takeover";
    static final String STONITH = "stonith";
    static final String IP_REQUEST = "ip-request";
    static final String IP_REQUEST_RESP = "ip-request-resp";
    static final String NUM_PING_NODES = "num_ping_nodes";
    static final String YOU_ARE_DEAD = "you_are_dead";
    static final String ABORT_GIVEUP = "abort_giveup";
    /**
     * Vigil's own message (a 3.0.6 node has no rc.d script for it and ignores it): exact group
     * keys, check eligibility and ping count, which the Heartbeat messages cannot express. Sent
     * only at partition heal and when check escalations change eligibility.
     */
    static final String VIGIL_STATE = "vigil-state";

    /** ask_resources {@code info} values of the standby protocol. */
    static final String ME = "me";
    static final String OTHER = "other";
    static final String DONE = "done";

    /** stonith {@code result} values. */
    static final String STONITH_OK = "OK";
    static final String STONITH_BAD = "badstonith";
    static final String STONITH_NOT_CONFIGURED = "n_stnth";
    static final String STONITH_UNNEEDED = "unneeded";

    private ResourceMessages() {
    }

    static HaMessage starting() {
        return type(STARTING).build();
    }

    /** {@code t=resource rsc_hold=X rtype=full isstable=0|1 [info=...]}. */
    static HaMessage resource(RscHold hold, boolean stable, Optional<String> info) {
        HaMessage.Builder b = type(RESOURCE).add("rsc_hold", hold.wireName()).add("rtype", "full")
                .add("isstable", stable ? "1" : "0");
        info.ifPresent(i -> b.add("info", i));
        return b.build();
    }

    /** {@code t=resource rsc_hold=foreign info=mach_down}: sent after taking a dead node's groups. */
    static HaMessage machDown() {
        return type(RESOURCE).add("rsc_hold", RscHold.FOREIGN.wireName()).add("info", "mach_down").build();
    }

    static HaMessage askResources(RscHold hold, String info) {
        return type(ASK_RESOURCES).add("rsc_hold", hold.wireName()).add("info", info).build();
    }

    static HaMessage hbTakeover(RscHold hold) {
        return type(HB_TAKEOVER).add("rsc_hold", hold.wireName()).build();
    }

    static HaMessage stonith(String node, String result) {
        return type(STONITH).add("node", node).add("result", result).build();
    }

    static HaMessage ipRequest(String key) {
        return type(IP_REQUEST).add("ipaddr", key).build();
    }

    static HaMessage ipRequestResp(String key, boolean weOwn) {
        return type(IP_REQUEST_RESP).add("ipaddr", key).add("weown", weOwn ? "yes" : "no").add("ok", "OK").build();
    }

    static HaMessage numPingNodes(int count) {
        return type(NUM_PING_NODES).addDecimal("num_ping", count).build();
    }

    /** Vigil's state report; {@code info} is {@code heal}, {@code released} or {@code update}. */
    static HaMessage vigilState(String info, Collection<String> keys, Collection<String> ineligible, int numPing) {
        HaMessage.Builder b = type(VIGIL_STATE).add("info", info);
        addList(b, "keys", keys); // the codec refuses empty values: an empty list is an absent field
        addList(b, "ineligible", ineligible);
        return b.addDecimal("num_ping", numPing).build();
    }

    private static void addList(HaMessage.Builder b, String name, Collection<String> keys) {
        if (!keys.isEmpty()) {
            b.add(name, String.join(" ", keys));
        }
    }

    /** A space-separated key list (group keys never contain white space: haresources splits on it). */
    static Set<String> keys(HaMessage msg, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : msg.string(field).orElse("").trim().split("\\s+")) {
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    private static HaMessage.Builder type(String t) {
        return HaMessage.builder().add(HaMessage.TYPE, t);
    }
}
