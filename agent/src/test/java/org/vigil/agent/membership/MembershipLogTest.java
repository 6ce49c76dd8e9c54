package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.vigil.agent.membership.MembershipEvent.Cause;

class MembershipLogTest {

    private static String one(MembershipEvent e) {
        List<LogLine> lines = MembershipLog.render(e);
        assertEquals(1, lines.size(), lines.toString());
        return lines.get(0).toString();
    }

    @Test
    void rendersTheLinesUsersGrepFor() {
        assertEquals("info: Link b:eth0 dead.",
                one(new MembershipEvent.LinkStatusChanged("b", "eth0", LinkStatus.DEAD)));
        assertEquals("info: Link b:eth0 up.",
                one(new MembershipEvent.LinkStatusChanged("b", "eth0", LinkStatus.UP)));
        assertEquals("WARN: node b: is dead",
                one(new MembershipEvent.NodeStatusChanged("b", NodeStatus.ACTIVE, NodeStatus.DEAD, Cause.TIMEOUT)));
        assertEquals("info: Status update for node b: status active",
                one(new MembershipEvent.NodeStatusChanged("b", NodeStatus.UP, NodeStatus.ACTIVE, Cause.MESSAGE)));
        assertEquals("WARN: Late heartbeat: Node b: interval 5010 ms",
                one(new MembershipEvent.LateHeartbeat("b", 5010, false)));
        assertEquals("CRIT: Late heartbeat: Node b: interval 15010 ms (> deadtime)",
                one(new MembershipEvent.LateHeartbeat("b", 15010, true)));
        assertEquals("info: Heartbeat restart on node b", one(new MembershipEvent.NodeRestarted("b", 1, 2)));
        assertEquals("WARN: 3 lost packet(s) for [b] [7:11]",
                one(new MembershipEvent.PacketsLost("b", 7, 11, false)));
        assertEquals("info: Local status now set to: 'active'",
                one(new MembershipEvent.LocalStatusChanged(NodeStatus.UP, NodeStatus.ACTIVE)));
        assertEquals("info: Comm_now_up(): updating status to active", one(new MembershipEvent.CommUp()));
        assertEquals(List.of(), MembershipLog.render(new MembershipEvent.RetransmitRequested("b", 3)));
    }

    @Test
    void julSink_carriesTheHeartbeatSeverityWord() {
        Logger logger = Logger.getLogger(MembershipLog.LOGGER_NAME);
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(h);
        logger.setUseParentHandlers(false);
        try {
            new MembershipLog().onEvent(new MembershipEvent.PartitionHealed("b"));
        } finally {
            logger.removeHandler(h);
            logger.setUseParentHandlers(parents);
        }
        assertEquals("Cluster node b returning after partition.", records.get(0).getMessage());
        assertEquals(org.vigil.agent.log.Crit.CRIT, records.get(0).getLevel(), "CRIT is above SEVERE, so the formatter prints CRIT");
        assertEquals("CRIT", records.get(0).getParameters()[0]);
        assertEquals(5, records.size());
    }
}
