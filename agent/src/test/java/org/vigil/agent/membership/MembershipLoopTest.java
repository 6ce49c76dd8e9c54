package org.vigil.agent.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vigil.agent.testing.ManualScheduler;
import org.vigil.agent.testing.RecordingSender;
import org.vigil.agent.time.FakeTicker;
import org.vigil.agent.time.Ticker;

class MembershipLoopTest {

    private final FakeTicker ticker = new FakeTicker();
    private final ManualScheduler scheduler = new ManualScheduler(ticker);
    private final RecordingSender sender = new RecordingSender();
    private final Membership membership = new Membership(Rig.settings("a", "b"), sender,
            NodeListExchange.none());
    private final MembershipLoop loop = new MembershipLoop(membership, ticker, scheduler);

    @Test
    void start_ticksEvery250ms_andSendsEveryKeepalive() {
        CompletableFuture<Void> started = loop.start();
        assertFalse(started.isDone()); // nothing runs off the loop
        scheduler.runPending();
        assertTrue(started.isDone());
        long before = scheduler.executed();
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(40, scheduler.executed() - before);
        assertEquals(11, sender.statuses().size()); // init at 0 s, then 1..10 s
    }

    @Test
    void deliver_isAppliedOnTheLoop_withTheLoopsNow() {
        loop.start();
        scheduler.runPending();
        loop.deliver(Heartbeat.status("b", "eth0", 1, 5, 10_000, "active"));
        assertEquals(NodeStatus.INIT, membership.statusOf("b")); // queued, not yet applied
        scheduler.advance(Duration.ofMillis(300));
        MembershipSnapshot s = snapshot();
        assertEquals(NodeStatus.ACTIVE, s.statusOf("b"));
        assertEquals(Duration.ofMillis(300), s.node("b").orElseThrow().lastHeardAge().orElseThrow());
        assertEquals(NodeStatus.ACTIVE, s.localStatus());
    }

    @Test
    void detection_runsOnTheLoopTick() {
        loop.start();
        loop.deliver(Heartbeat.status("b", "eth0", 1, 5, 10_000, "active"));
        scheduler.runPending();
        scheduler.advance(Duration.ofMillis(10_000));
        assertEquals(NodeStatus.ACTIVE, snapshot().statusOf("b"));
        scheduler.advance(Duration.ofMillis(250));
        assertEquals(NodeStatus.DEAD, snapshot().statusOf("b"));
    }

    @Test
    void failingListenerOrBadMessage_doesNotStopTheLoop() {
        loop.start();
        loop.submit(m -> m.addListener(e -> {
            throw new IllegalStateException("listener bug");
        }));
        loop.deliver(Heartbeat.status("b", "eth0", 1, 5, 10_000, "active"));
        scheduler.advance(Duration.ofSeconds(12));
        assertEquals(NodeStatus.DEAD, snapshot().statusOf("b"));
    }

    @Test
    void shutdown_sendsShutdone_andStopsTicking() {
        loop.start();
        scheduler.runPending();
        loop.shutdown();
        scheduler.runPending();
        assertEquals(1, sender.shutdones());
        assertEquals(0, scheduler.queued());
        loop.close();
        assertTrue(scheduler.isClosed());
    }

    @Test
    void realThread_confinesMembershipToOneNamedThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        Membership m = new Membership(Rig.settings("a", "b"), sender, NodeListExchange.none());
        m.addListener(e -> threads.add(Thread.currentThread().getName()));
        try (MembershipLoop real = new MembershipLoop(m, Ticker.system(), new ExecutorLoopScheduler())) {
            real.start().get(5, TimeUnit.SECONDS);
            real.deliver(Heartbeat.status("b", "eth0", 1, 5, 10_000, "up"));
            MembershipSnapshot s = real.snapshot().get(5, TimeUnit.SECONDS); // queued after deliver
            assertEquals(NodeStatus.UP, s.statusOf("b"));
            assertTrue(s.commUp());
        }
        assertFalse(threads.isEmpty());
        assertTrue(threads.stream().allMatch("vigil-membership"::equals), threads.toString());
    }

    private MembershipSnapshot snapshot() {
        CompletableFuture<MembershipSnapshot> f = loop.snapshot();
        scheduler.runPending();
        return f.join();
    }

    @Test
    void tick_isAQuarterOfAShortKeepalive_so100msIsHonoured() {
        assertEquals(java.time.Duration.ofMillis(250), MembershipLoop.tickFor(java.time.Duration.ofSeconds(2)));
        assertEquals(java.time.Duration.ofMillis(250), MembershipLoop.tickFor(java.time.Duration.ofSeconds(1)));
        assertEquals(java.time.Duration.ofMillis(50), MembershipLoop.tickFor(java.time.Duration.ofMillis(200)));
        assertEquals(java.time.Duration.ofMillis(25), MembershipLoop.tickFor(java.time.Duration.ofMillis(100)));
        assertEquals(java.time.Duration.ofMillis(10), MembershipLoop.tickFor(java.time.Duration.ofMillis(10)));
    }
}
