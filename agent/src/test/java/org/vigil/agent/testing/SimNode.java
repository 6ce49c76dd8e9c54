package org.vigil.agent.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.vigil.agent.membership.Heartbeat;
import org.vigil.agent.membership.LogLine;
import org.vigil.agent.membership.LoopScheduler;
import org.vigil.agent.membership.Membership;
import org.vigil.agent.membership.MembershipEvent;
import org.vigil.agent.membership.MembershipListener;
import org.vigil.agent.membership.MembershipLog;
import org.vigil.agent.membership.MembershipLoop;
import org.vigil.agent.membership.MembershipSettings;
import org.vigil.agent.membership.MembershipSnapshot;
import org.vigil.agent.membership.NodeListExchange;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.membership.OutboundStatus;
import org.vigil.agent.membership.StatusSender;

/**
 * One simulated agent: a {@link Membership} ticked every 250 ms on the shared fake clock, sending
 * its status on each of its links through the {@link SimNetwork}. Plays the codec's part: it
 * stamps {@code seq} (a per-process counter from 1) and {@code hg} (incremented on restart).
 */
public final class SimNode {

    private final String name;
    private final MembershipSettings settings;
    private final List<String> links;
    private final ManualScheduler scheduler;
    private final SimNetwork network;
    private final Duration tickPhase;
    private final List<MembershipEvent> events = new ArrayList<>();
    private final List<Timed> timed = new ArrayList<>();
    private final List<LogLine> log = new ArrayList<>();
    private final List<MembershipListener> startListeners = new ArrayList<>();
    private Membership membership;
    private LoopScheduler.Cancellable ticking;
    private long generation;
    private long seq;
    private boolean running;

    SimNode(String name, MembershipSettings settings, List<String> links, ManualScheduler scheduler,
            SimNetwork network, Duration tickPhase, long firstGeneration) {
        this.name = name;
        this.settings = settings;
        this.links = List.copyOf(links);
        this.scheduler = scheduler;
        this.network = network;
        this.tickPhase = tickPhase;
        this.generation = firstGeneration;
    }

    public String name() {
        return name;
    }

    public List<String> links() {
        return links;
    }

    /** Boots the agent: new process, seq from 1, current generation. */
    public void start() {
        if (running) {
            throw new IllegalStateException(name + " already running");
        }
        running = true;
        seq = 0;
        membership = new Membership(settings, new Sender(), NodeListExchange.none());
        membership.addListener(events::add);
        membership.addListener(e -> timed.add(new Timed(now(), e)));
        startListeners.forEach(l -> membership.addListener(l));
        membership.addListener(new MembershipLog(log::add));
        for (String link : links) {
            network.attach(name, link, this::receive);
        }
        membership.start(now());
        ticking = scheduler.scheduleAtFixedRate(() -> membership.onTick(now()),
                tickPhase, MembershipLoop.TICK);
    }

    /** Kills the process: no goodbye, no more packets either way. */
    public void crash() {
        if (!running) {
            return;
        }
        running = false;
        ticking.cancel();
        network.detach(name);
    }

    /** Graceful stop: {@code shutdone} goes out, then the process ends. */
    public void shutdown() {
        membership.shutdown(now());
        crash();
    }

    /** Crash (if running) and boot again with the next generation, as hb_generation does. */
    public void restart() {
        crash();
        generation++;
        start();
    }

    public boolean isRunning() {
        return running;
    }

    public Membership membership() {
        return membership;
    }

    public MembershipSnapshot snapshot() {
        return membership.snapshot(now());
    }

    public NodeStatus statusOf(String peer) {
        return membership.statusOf(peer);
    }

    public long generation() {
        return generation;
    }

    /** An event and the ticker reading when it was emitted. */
    public record Timed(long at, MembershipEvent event) { }

    /** Every event with its time, across restarts. */
    public List<Timed> timedEvents() {
        return Collections.unmodifiableList(timed);
    }

    /** Attaches {@code l} to the current and every future (restarted) membership instance. */
    public void addListener(MembershipListener l) {
        startListeners.add(l);
        if (membership != null) {
            membership.addListener(l);
        }
    }

    /** Every event since the first start, across restarts. */
    public List<MembershipEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public <E extends MembershipEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every Heartbeat log line this node would have written. */
    public List<LogLine> log() {
        return Collections.unmodifiableList(log);
    }

    public List<String> logTexts() {
        return log.stream().map(LogLine::text).toList();
    }

    private void receive(Heartbeat msg) {
        if (running) {
            membership.onMessage(msg, now());
        }
    }

    private long now() {
        return scheduler.ticker().nanoTime();
    }

    private final class Sender implements StatusSender {
        @Override
        public void sendStatus(OutboundStatus status) {
            long s = ++seq;
            for (String link : links) {
                network.send(name, link, Heartbeat.status(name, link, s, generation,
                        status.advertisedDeadtimeMs(), status.status().wireName()));
            }
        }

        @Override
        public void sendShutdone() {
            long s = ++seq;
            for (String link : links) {
                network.send(name, link, Heartbeat.shutdone(name, link, s, generation));
            }
        }
    }
}
