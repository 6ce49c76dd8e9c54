package org.vigil.agent.node;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.vigil.agent.config.ClusterConfig;
import org.vigil.agent.config.HaCf;
import org.vigil.agent.config.HelperPrograms;
import org.vigil.agent.config.HostEnvironment;
import org.vigil.agent.config.Medium;
import org.vigil.agent.config.PingNode;
import org.vigil.agent.exec.ProcessCommandRunner;
import org.vigil.agent.failover.FailoverSettings;
import org.vigil.agent.failover.ResourceManager;
import org.vigil.agent.failover.resource.IpAddrAgent;
import org.vigil.agent.failover.resource.ResourceEnvironment;
import org.vigil.agent.failover.resource.ResourceFactory;
import org.vigil.agent.health.HealthService;
import org.vigil.agent.membership.ExecutorLoopScheduler;
import org.vigil.agent.membership.Heartbeat;
import org.vigil.agent.membership.Membership;
import org.vigil.agent.membership.MembershipLoop;
import org.vigil.agent.membership.MembershipSettings;
import org.vigil.agent.membership.MembershipSnapshot;
import org.vigil.agent.membership.NodeStatus;
import org.vigil.agent.membership.OutboundStatus;
import org.vigil.agent.membership.StatusSender;
import org.vigil.agent.ping.EchoProbe;
import org.vigil.agent.ping.PingProber;
import org.vigil.agent.state.Generation;
import org.vigil.agent.state.NodeUuid;
import org.vigil.agent.state.StateDir;
import org.vigil.agent.time.Ticker;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.InboundFrame;
import org.vigil.agent.transport.MediaFactory;
import org.vigil.agent.transport.MediumException;
import org.vigil.agent.wire.AuthKeys;
import org.vigil.agent.wire.ControlMessages;
import org.vigil.agent.wire.DecodeResult;
import org.vigil.agent.wire.DefaultFields;
import org.vigil.agent.wire.DropCounter;
import org.vigil.agent.wire.HaMessage;
import org.vigil.agent.wire.NodeIdentity;
import org.vigil.agent.wire.WireDecoder;
import org.vigil.agent.wire.WireEncoder;

/**
 * One running Vigil node: media, codec, membership loop, ping nodes. Transport threads decode
 * and authenticate (stateless), then hand each message to the membership loop, which owns all
 * cluster state. {@link #stop()} is graceful: peers are told at once ({@code shutdone}).
 */
public final class VigilNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VigilNode.class.getName());
    /** Longest a resource operation (one script action) may take before it counts as failed. */
    static final Duration RESOURCE_TIMEOUT = Duration.ofSeconds(120);
    /** Longest a graceful stop waits for every group to be released. */
    static final Duration RELEASE_TIMEOUT = Duration.ofMinutes(10);

    private final ClusterConfig config;
    private final NodeOptions options;
    private final Ticker ticker;
    private final List<HeartbeatMedium> open = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private NioEventLoopGroup udpGroup;
    private ScheduledExecutorService timers;
    private ExecutorService pingers;
    private MembershipLoop loop;
    private Membership membership;
    private DropCounter drops;
    private long generation;
    private ControlServer control;
    private ResourceManager resources;
    private HealthService health;
    private ExecutorService resourceWorker;
    private ScheduledExecutorService announcer;
    private final CompletableFuture<Boolean> released = new CompletableFuture<>();
    private Supplier<Map<String, Long>> dropped = Map::of;

    /** Builds the media of ha.cf; the demo replaces it with an in-memory network. */
    public interface MediaSource {
        List<HeartbeatMedium> create(List<Medium> configured, EventLoopGroup udp);
    }

    private final MediaSource mediaSource;

    public VigilNode(ClusterConfig config, NodeOptions options, Ticker ticker) {
        this(config, options, ticker, MediaFactory::create);
    }

    public VigilNode(ClusterConfig config, NodeOptions options, Ticker ticker, MediaSource mediaSource) {
        this.config = config;
        this.options = options;
        this.ticker = ticker;
        this.mediaSource = mediaSource;
    }

    /** Opens everything and starts heartbeating; throws when no medium could be opened. */
    public void start(ClusterMessageListener cluster) throws IOException {
        HaCf cf = config.haCf();
        String local = config.localNode();
        StateDir state = StateDir.open(options.stateDir());
        Generation.Next next = Generation.next(state.generationFile(), "time".equals(cf.raw().get("hbgenmethod")),
                () -> System.currentTimeMillis() / 1000);
        if (next.warning() != null) {
            LOG.log(Level.WARNING, next.warning());
        }
        generation = next.value();
        byte[] uuid = NodeUuid.load(state.uuidFile(), "nodename".equals(cf.raw().get("uuidfrom")), local);
        AuthKeys keys = WireAuth.from(config.authKeys());
        udpGroup = new NioEventLoopGroup(1, (ThreadFactory) r -> daemon(r, "vigil-udp"));
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-timers"));
        List<HeartbeatMedium> media = mediaSource.create(cf.media(), udpGroup);
        Outbox outbox = new Outbox(new DefaultFields(new NodeIdentity(local, uuid, generation), cf.nodes().size() + cf.hopfudge()),
                new WireEncoder(keys), media, () -> System.currentTimeMillis() / 1000);
        MembershipSettings settings = settings(cf, local);
        AtomicReference<Membership> self = new AtomicReference<>();
        ReqNodesExchange exchange = new ReqNodesExchange(settings.peers(), n -> self.get().statusOf(n), outbox);
        membership = new Membership(settings, sender(outbox), exchange);
        self.set(membership);
        RateLimitedLog quiet = new RateLimitedLog(ticker, Duration.ofSeconds(60));
        AtomicReference<ProtocolHandler> handlerRef = new AtomicReference<>();
        membership.addListener(new QuietMembershipLog(quiet,
                node -> handlerRef.get() == null ? "?" : handlerRef.get().lastAddress(node)));
        loop = new MembershipLoop(membership, ticker, new ExecutorLoopScheduler());
        Random random = new Random();
        membership.addListener(new RetransmitRequests(cf.maxRexmitDelayMs(), timers,
                task -> loop.submit(m -> task.run()), outbox, random));
        ClusterMessageListener toResources = startResources(state, outbox);
        ClusterMessageListener both = (from, msg, at) -> {
            toResources.onClusterMessage(from, msg, at);
            cluster.onClusterMessage(from, msg, at);
        };
        ProtocolHandler handler = new ProtocolHandler(local, cf.nodes(), outbox, exchange, both, random, quiet);
        handlerRef.set(handler);
        RejectedMessages rejected = new RejectedMessages();
        membership.addListener(rejected);
        this.dropped = () -> rejected.counts(drops.snapshot(), handler.malformed(), handler.unknownNodes());
        drops = new DropCounter(ticker, Duration.ofSeconds(60), line -> LOG.log(Level.WARNING, line));
        WireDecoder decoder = new WireDecoder(keys);
        openMedia(media, frame -> receive(frame, decoder, handler));
        LOG.log(Level.INFO, "Configuration validated. Starting Vigil " + version() + " as node " + local
                + " (generation " + generation + ")");
        loop.start().join();
        startPing(cf);
        startControl(state);
    }

    /**
     * The resource manager, on the loop: groups run on their own worker thread; a node starts
     * holding nothing (stale resources from a crash are released first).
     */
    private ClusterMessageListener startResources(StateDir state, Outbox outbox) {
        announcer = Executors.newScheduledThreadPool(IpAddrAgent.ARP_COUNT,
                r -> daemon(r, "vigil-arp"));
        resourceWorker = Executors.newSingleThreadExecutor(r -> daemon(r, "vigil-resources"));
        var runner = new ProcessCommandRunner(ticker);
        var env = new ResourceEnvironment(runner, RESOURCE_TIMEOUT, announcer,
                state.path(), config.localNode(), "/usr/sbin/sendmail", "drbdadm",
                HelperPrograms.sendUa(HostEnvironment.system()));
        ResourceRuntime runtime = new ResourceRuntime(config, new ResourceFactory(env),
                resourceWorker, task -> loop.submit(m -> task.run()), outbox, runner, ticker,
                sendShutdone -> released.complete(sendShutdone), options.onStopFailure());
        if (!StartupCleanup.releaseAll(runtime.groups())) {
            LOG.log(Level.ERROR, "a stale resource could not be stopped: see above; it will not be started anywhere by this node");
        }
        resources = new ResourceManager(FailoverSettings.from(config), runtime, ticker.nanoTime());
        runtime.attach(resources);
        if (!config.checks().checks().isEmpty()) {
            health = HealthService.startWithQuartz(config.checks(),
                    new HealthRuntime(runtime.groups(), resourceWorker, this::onResourcesAsync, ticker), state, 16);
            timers.scheduleAtFixedRate(health::tick, 5, 5, TimeUnit.SECONDS);
        }
        membership.addListener(event -> resources.onMembershipEvent(event, ticker.nanoTime()));
        timers.scheduleAtFixedRate(() -> loop.submit(m -> resources.onTick(ticker.nanoTime())), 250, 250, TimeUnit.MILLISECONDS);
        return (from, msg, at) -> resources.onMessage(from, msg, at);
    }

    /** The operator socket; more commands are registered by whoever owns them ({@link #control()}). */
    private void startControl(StateDir state) throws IOException {
        control = new ControlServer(state.path().resolve("control.sock"));
        control.command("status", args -> new ControlServer.Reply(true, StatusReport.render(snapshot(), generation)
                + StatusReport.dropped(dropped.get()) + StatusReport.resources(onLoopGet(ResourceManager::snapshot))));
        OperatorCommands.register(control, this::onResources, ticker::nanoTime);
        control.command("clear-check", args -> {
            if (health == null || args.size() != 1) {
                return new ControlServer.Reply(false, health == null ? "no checks are configured\n" : "usage: clear-check NAME\n");
            }
            return health.clear(args.get(0)) ? new ControlServer.Reply(true, "check " + args.get(0) + " cleared\n")
                    : new ControlServer.Reply(false, "no check [" + args.get(0) + "]\n");
        });
        control.start();
    }

    /** The control socket, to register further operator commands. */
    public ControlServer control() {
        return control;
    }

    private void openMedia(List<HeartbeatMedium> media, FrameSink sink) throws IOException {
        for (HeartbeatMedium m : media) {
            try {
                m.start(sink);
                open.add(m);
            } catch (MediumException e) {
                LOG.log(Level.ERROR, "cannot open medium " + m + ": " + e.getMessage());
            }
        }
        if (open.isEmpty()) {
            throw new IOException("no heartbeat medium could be opened (see the errors above)");
        }
    }

    /** On a transport thread: decode and authenticate here, act on the loop. */
    private void receive(InboundFrame frame, WireDecoder decoder, ProtocolHandler handler) {
        DecodeResult result = decoder.decode(frame.payload());
        if (result instanceof DecodeResult.Rejected rejected) {
            drops.record(rejected, frame.sender());
            return;
        }
        HaMessage message = ((DecodeResult.Accepted) result).message();
        loop.submit(m -> handler.handle(m, message, frame.linkName(), frame.sender(), ticker.nanoTime()));
    }

    private void startPing(HaCf cf) {
        List<PingNode> pings = cf.pingNodes();
        if (pings.isEmpty()) {
            return;
        }
        pingers = Executors.newFixedThreadPool(Math.min(8, pings.size()), r -> daemon(r, "vigil-ping"));
        PingProber prober = new PingProber(pings, EchoProbe.jdk(), pingers,
                name -> loop.deliver(Heartbeat.ping(name, "ping")), (int) cf.timing().keepalive().toMillis());
        long period = cf.timing().keepalive().toMillis();
        timers.scheduleAtFixedRate(prober::probeAll, 0, period, TimeUnit.MILLISECONDS);
    }

    private static MembershipSettings settings(HaCf cf, String local) {
        List<String> pings = cf.pingNodes().stream().map(PingNode::name).toList();
        return new MembershipSettings(local, cf.nodes(), pings, cf.timing().keepalive(), cf.timing().deadtime(),
                cf.timing().warntime(), cf.timing().initdead(), cf.timing().deadping());
    }

    private static StatusSender sender(Outbox outbox) {
        return new StatusSender() {
            @Override
            public void sendStatus(OutboundStatus status) {
                outbox.send(ControlMessages.status(status.status().wireName(), status.advertisedDeadtimeMs()));
            }

            @Override
            public void sendShutdone() {
                outbox.send(HaMessage.builder().add(HaMessage.TYPE, "shutdone").add("st", "dead").build());
            }
        };
    }

    /** A view of membership, taken on the loop. */
    public MembershipSnapshot snapshot() {
        return loop.snapshot().join();
    }

    /** Messages refused since start, by reason (codec drops, replays, unknown nodes). */
    public Map<String, Long> droppedMessages() {
        return dropped.get();
    }

    /** Runs a command against the resource manager on the loop thread and waits for it. */
    public <T> T onLoopGet(Function<ResourceManager, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.submit(m -> result.complete(query.apply(resources)));
        return result.join();
    }

    private void onResources(Consumer<ResourceManager> command) {
        loop.submit(m -> command.accept(resources)).join();
    }

    /** The same without waiting: for check threads, which must never block on the loop. */
    private void onResourcesAsync(Consumer<ResourceManager> command) {
        loop.submit(m -> command.accept(resources));
    }

    /** Blocks until {@link #stop()} finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Graceful stop: tell the peers ({@code shutdone}), then close media and threads. */
    public void stop() {
        halt(true);
    }

    /** Stops as a crash would: no shutdone, the peers must notice by silence (demo and tests). */
    public void crash() {
        halt(false);
    }

    private void halt(boolean graceful) {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            if (loop != null && !graceful) {
                open.forEach(HeartbeatMedium::close);
                loop.close();
            } else if (loop != null) {
                loop.submit(m -> resources.shutdown(ticker.nanoTime()));
                boolean tellPeers = released.get(RELEASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                loop.submit(m -> {
                    if (tellPeers && m.localStatus() != NodeStatus.DEAD) {
                        m.shutdown(ticker.nanoTime());
                    }
                }).get(5, TimeUnit.SECONDS);
                LOG.log(Level.INFO, "Vigil shutdown complete.");
                loop.close();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "graceful shutdown incomplete: " + e);
        } finally {
            if (control != null) {
                control.close();
            }
            if (health != null) {
                health.close();
            }
            open.forEach(HeartbeatMedium::close);
            if (timers != null) {
                timers.shutdownNow();
            }
            if (pingers != null) {
                pingers.shutdownNow();
            }
            if (resourceWorker != null) {
                resourceWorker.shutdownNow();
            }
            if (announcer != null) {
                announcer.shutdown();
            }
            if (udpGroup != null) {
                udpGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    static String version() {
        String v = VigilNode.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
