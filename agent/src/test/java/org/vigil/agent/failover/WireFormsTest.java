package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.wire.HaField;
import org.vigil.agent.wire.HaMessage;

/**
 * The two-node messages the resource manager sends have exactly the {@code t}, field names, field
 * order and value forms of the packets a Heartbeat 3.0.6 node sent in the captures
 * ({@code wire/captures/*}/index.tsv); types not captured are checked against reference §5.
 */
class WireFormsTest {

    /** Message-specific field lists per type, as captured (the part before destuuid/src). */
    private static Map<String, Set<List<String>>> capturedForms() throws IOException, URISyntaxException {
        Map<String, Set<List<String>>> forms = new HashMap<>();
        Path root = Path.of(WireFormsTest.class.getResource("/wire/captures").toURI());
        for (String dir : List.of("sha1", "md5", "crc")) {
            for (String line : Files.readAllLines(root.resolve(dir).resolve("index.tsv"))) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] col = line.split("\t");
                List<String> own = new ArrayList<>();
                for (String f : col[7].split(",")) {
                    if (f.equals("destuuid") || f.equals("src")) {
                        break;
                    }
                    own.add(f);
                }
                forms.computeIfAbsent(col[6], k -> new HashSet<>()).add(own);
            }
        }
        return forms;
    }

    /** Heartbeat message types the captures do not contain, with their §5 field lists. */
    private static final Map<String, List<String>> DOCUMENTED = Map.of(
            "hb_takeover", List.of("t", "rsc_hold"),
            "ip-request", List.of("t", "ipaddr"),
            "ip-request-resp", List.of("t", "ipaddr", "weown", "ok"),
            "num_ping_nodes", List.of("t", "num_ping"));

    @Test
    void everyTwoNodeMessageHasACapturedOrDocumentedForm() throws Exception {
        Map<String, Set<List<String>>> captured = capturedForms();
        assertTrue(captured.containsKey("resource") && captured.containsKey("ask_resources"));
        List<HaMessage> sent = allScenarioMessages();
        Set<String> types = new HashSet<>();
        for (HaMessage m : sent) {
            String t = m.type().orElseThrow();
            types.add(t);
            List<String> names = m.fields().stream().map(HaField::name).toList();
            if (captured.containsKey(t)) {
                assertTrue(captured.get(t).contains(names), t + " " + names + " not among " + captured.get(t));
            } else if (DOCUMENTED.containsKey(t)) {
                assertEquals(DOCUMENTED.get(t), names, t);
            } else {
                assertEquals("vigil-state", t, "only Vigil's own extension may be new: " + m);
            }
            checkValues(m);
        }
        assertTrue(types.containsAll(List.of("starting", "resource", "ask_resources", "stonith", "hb_takeover",
                "ip-request", "ip-request-resp", "num_ping_nodes")), types.toString());
    }

    private static void checkValues(HaMessage m) {
        Set<String> holds = Set.of("none", "local", "foreign", "all");
        m.string("rsc_hold").ifPresent(v -> assertTrue(holds.contains(v), v));
        m.string("rtype").ifPresent(v -> assertEquals("full", v));
        m.string("isstable").ifPresent(v -> assertTrue(v.equals("0") || v.equals("1"), v));
        String t = m.type().orElseThrow();
        if (t.equals("resource")) {
            m.string("info").ifPresent(v -> assertTrue(
                    Set.of("req_our_resources()", "mach_down", "shutdown", "standby").contains(v), v));
        } else if (t.equals("ask_resources")) {
            assertTrue(Set.of("me", "other", "done").contains(m.string("info").orElseThrow()));
        } else if (t.equals("stonith")) {
            assertTrue(Set.of("OK", "badstonith", "n_stnth", "unneeded").contains(m.string("result").orElseThrow()));
        } else if (t.equals("num_ping_nodes")) {
            assertTrue(m.string("num_ping").orElseThrow().matches("[0-9]+"), "decimal");
        }
        assertFalse(m.has("dest"), "dest is the runtime's to add: " + m);
    }

    /** Runs the two-node scenarios of the other tests and collects what both nodes sent. */
    private static List<HaMessage> allScenarioMessages() {
        List<HaMessage> out = new ArrayList<>();
        for (AutoFailback mode : AutoFailback.values()) {
            FailoverSim sim = new FailoverSim(List.of("a", "b"), List.of(FailoverSim.group("ip-a", "a"),
                    FailoverSim.group("ip-b", "b")), mode, false, List.of("p1"));
            sim.startTogether("a", "b");
            sim.event("a", new org.vigil.agent.membership.MembershipEvent.NodeStatusChanged("p1",
                    org.vigil.agent.membership.NodeStatus.INIT, org.vigil.agent.membership.NodeStatus.PING,
                    org.vigil.agent.membership.MembershipEvent.Cause.MESSAGE));
            sim.advance(11_000);
            sim.linkDead("b", "a");
            sim.advance(2_000);
            sim.host("a").rm.takeover(RscHold.ALL, sim.now());
            sim.advance(2_000);
            sim.host("b").rm.standby(RscHold.ALL, sim.now());
            sim.advance(2_000);
            sim.powerOff("b");
            sim.advance(5_000);
            sim.declareDead("b");
            sim.advance(2_000);
            sim.startTogether("b");
            sim.advance(12_000);
            sim.host("a").rm.shutdown(sim.now());
            sim.advance(2_000);
            sim.hosts.values().forEach(h -> h.sent.forEach(s -> out.add(s.body())));
        }
        return out;
    }
}
