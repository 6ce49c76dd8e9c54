package org.vigil.agent.config;

import static org.vigil.agent.config.Directive.Kind.MEDIA;
import static org.vigil.agent.config.Directive.Kind.OPTION_LIST;
import static org.vigil.agent.config.Directive.Kind.WHOLE_LINE;
import static org.vigil.agent.config.Directive.Support.ACCEPTED;
import static org.vigil.agent.config.Directive.Support.IMPLEMENTED;
import static org.vigil.agent.config.Directive.Support.OBSOLETE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every ha.cf directive Heartbeat 3.0.6 recognises (heartbeat/config.c and its media plugins). */
public final class Directives {

    private static final String NONE = "";

    public static final List<Directive> ALL = List.of(
            d("node", OPTION_LIST, "node NAME...", NONE, NONE, IMPLEMENTED,
                    "A cluster node, named as `uname -n` prints it (compared without case). At most 100."),
            d("keepalive", OPTION_LIST, "keepalive TIME", "1", "time", IMPLEMENTED,
                    "Interval between heartbeats."),
            d("deadtime", OPTION_LIST, "deadtime TIME", "30", "time", IMPLEMENTED,
                    "Silence after which a node or link is declared dead. Must be more than twice keepalive."),
            d("warntime", OPTION_LIST, "warntime TIME", "deadtime/2", "time", IMPLEMENTED,
                    "A gap between two heartbeats longer than this logs `Late heartbeat`."),
            d("initdead", OPTION_LIST, "initdead TIME",
                    "deadtime if > 10 s; 12 s if deadtime < 6 s; else 2 x deadtime", "time", IMPLEMENTED,
                    "Dead time used at start-up until every node has been heard from. Must be at least deadtime; 10 s or more recommended."),
            d("deadping", OPTION_LIST, "deadping TIME", "deadtime", "time", IMPLEMENTED,
                    "Dead time of ping nodes. Must be more than twice keepalive."),
            d("udpport", OPTION_LIST, "udpport PORT", "694", "port", IMPLEMENTED,
                    "UDP port of bcast and ucast media. Applies to media declared after it."),
            d("baud", OPTION_LIST, "baud RATE", "19200", "bit/s", IMPLEMENTED,
                    "Speed of serial links declared after it: 9600, 19200, 38400, 57600, 115200, 230400 or 460800."),
            d("bcast", OPTION_LIST, "bcast IFACE...", NONE, NONE, IMPLEMENTED,
                    "Heartbeats broadcast on each interface, on udpport."),
            d("mcast", MEDIA, "mcast IFACE GROUP PORT TTL LOOP", NONE, NONE, IMPLEMENTED,
                    "Heartbeats to an IPv4 multicast group (224.0.0.0/4) on the given port; TTL 0-255 (Heartbeat 3.0.6 accepts only 0-4), LOOP 0 or 1."),
            d("mcast6", MEDIA, "mcast6 IFACE GROUP PORT TTL LOOP", NONE, NONE, IMPLEMENTED,
                    "Heartbeats to an IPv6 multicast group (ff00::/8)."),
            d("ucast", MEDIA, "ucast IFACE PEER", NONE, NONE, IMPLEMENTED,
                    "Heartbeats sent by unicast to PEER (an address or host name) on udpport. A ucast to this node itself is ignored, so ha.cf can be identical on all nodes."),
            d("ucast6", MEDIA, "ucast6 IFACE PEER", NONE, NONE, IMPLEMENTED,
                    "Unicast heartbeats to an IPv6 peer on udpport."),
            d("serial", OPTION_LIST, "serial DEVICE...", NONE, NONE, IMPLEMENTED,
                    "A serial heartbeat link (8N1, at the baud rate in force)."),
            d("ping", OPTION_LIST, "ping ADDRESS...", NONE, NONE, IMPLEMENTED,
                    "Each address is a ping node (ICMP echo), used by the ipfail policy."),
            d("ping_group", MEDIA, "ping_group NAME ADDRESS...", NONE, NONE, IMPLEMENTED,
                    "One ping node that is up while any of its addresses answers."),
            d("auto_failback", OPTION_LIST, "auto_failback on|off|legacy", "legacy", NONE, IMPLEMENTED,
                    "Whether resource groups return to the node haresources names when it comes back."),
            d("nice_failback", OPTION_LIST, "nice_failback on|off", NONE, NONE, OBSOLETE,
                    "Obsolete: Heartbeat 3.0.6 reads any value as `auto_failback legacy`. Use auto_failback."),
            d("stonith", WHOLE_LINE, "stonith TYPE CONFIG-FILE", NONE, NONE, IMPLEMENTED,
                    "A fencing device, run before taking over a dead node's resource groups."),
            d("stonith_host", WHOLE_LINE, "stonith_host HOST|* TYPE PARAMS...", NONE, NONE, IMPLEMENTED,
                    "A fencing device reachable from HOST (or every node)."),
            d("respawn", WHOLE_LINE, "respawn USER /ABSOLUTE/PATH [ARGS]", NONE, NONE, ACCEPTED,
                    "A program kept running by the agent. ipfail needs none: its policy is built into Vigil."),
            d("failfast", WHOLE_LINE, "failfast USER /ABSOLUTE/PATH [ARGS]", NONE, NONE, ACCEPTED,
                    "Like respawn, but an abnormal exit reboots the machine."),
            d("apiauth", WHOLE_LINE, "apiauth CLIENT [uid=U,...] [gid=G,...]", NONE, NONE, ACCEPTED,
                    "Who may sign on to the Heartbeat client API."),
            d("cluster", OPTION_LIST, "cluster NAME", "linux-ha", NONE, IMPLEMENTED,
                    "The cluster's name."),
            d("autojoin", OPTION_LIST, "autojoin none|other|any", "none", NONE, IMPLEMENTED,
                    "Whether unlisted nodes may join. Only none works with haresources."),
            d("uuidfrom", OPTION_LIST, "uuidfrom file|nodename", "file", NONE, IMPLEMENTED,
                    "Where the node UUID comes from: a file in the state directory, or the node name."),
            d("hbgenmethod", OPTION_LIST, "hbgenmethod file|time", "file", NONE, IMPLEMENTED,
                    "How the generation number (restart counter) is kept."),
            d("msgfmt", OPTION_LIST, "msgfmt classic|netstring", "classic", NONE, IMPLEMENTED,
                    "Message format; Heartbeat 3.0 sends netstrings on UDP whatever this says."),
            d("hopfudge", OPTION_LIST, "hopfudge N", "1", "hops", IMPLEMENTED,
                    "Extra hops above the node count in a message's ttl (0-255)."),
            d("max_rexmit_delay", OPTION_LIST, "max_rexmit_delay MS", "250", "ms", IMPLEMENTED,
                    "Longest delay before asking a peer to retransmit a lost message."),
            d("logfile", OPTION_LIST, "logfile PATH", NONE, NONE, IMPLEMENTED,
                    "Log file for info and more severe messages."),
            d("debugfile", OPTION_LIST, "debugfile PATH", NONE, NONE, IMPLEMENTED,
                    "Log file that also receives debug messages."),
            d("logfacility", OPTION_LIST, "logfacility FACILITY|none", NONE, NONE, IMPLEMENTED,
                    "Syslog facility (daemon, local0..local7, ...), or none."),
            d("syslogmsgfmt", OPTION_LIST, "syslogmsgfmt BOOLEAN", "true", NONE, IMPLEMENTED,
                    "Write log files in syslog's line format."),
            d("use_logd", OPTION_LIST, "use_logd BOOLEAN", "yes when no log destination is set", NONE, ACCEPTED,
                    "Log through Heartbeat's logging daemon. Vigil logs itself."),
            d("conn_logd_time", OPTION_LIST, "conn_logd_time SECONDS", "60", "s", ACCEPTED,
                    "Interval between reconnections to the logging daemon."),
            d("log_badpack", OPTION_LIST, "log_badpack BOOLEAN", "true", NONE, IMPLEMENTED,
                    "Log packets that fail to parse or authenticate (rate-limited in Vigil)."),
            d("debug", OPTION_LIST, "debug LEVEL", "0", NONE, IMPLEMENTED,
                    "Debug level 0-255."),
            d("watchdog", OPTION_LIST, "watchdog DEVICE", NONE, NONE, ACCEPTED,
                    "A watchdog device tickled while the node hears its own heartbeats."),
            d("realtime", OPTION_LIST, "realtime BOOLEAN", "true", NONE, ACCEPTED,
                    "Run with real-time scheduling and memory locked."),
            d("rtprio", OPTION_LIST, "rtprio N", NONE, NONE, ACCEPTED,
                    "Real-time priority."),
            d("coredumps", OPTION_LIST, "coredumps BOOLEAN", "true", NONE, ACCEPTED,
                    "Allow core dumps."),
            d("coreroot", OPTION_LIST, "coreroot DIR", NONE, NONE, ACCEPTED,
                    "Root directory of the core dump area."),
            d("crm", OPTION_LIST, "crm on|off|respawn|minimal|manual|valgrind", "off", NONE, IMPLEMENTED,
                    "Pacemaker resource management. Vigil manages haresources only, so it must be off."),
            d("pacemaker", OPTION_LIST, "pacemaker on|off|respawn|minimal|manual|valgrind", "off", NONE, IMPLEMENTED,
                    "Alias of crm."),
            d("compression", OPTION_LIST, "compression zlib|bz2", "zlib", NONE, ACCEPTED,
                    "Compression of large messages."),
            d("compression_threshold", OPTION_LIST, "compression_threshold KB", "2", "KB", ACCEPTED,
                    "Messages larger than this are compressed."),
            d("traditional_compression", OPTION_LIST, "traditional_compression BOOLEAN", "no", NONE, ACCEPTED,
                    "Compress whole messages the old way."),
            d("memreserve", OPTION_LIST, "memreserve KB", "6500", "KB", ACCEPTED,
                    "Memory preallocated at start."),
            d("env", OPTION_LIST, "env NAME=VALUE", NONE, NONE, ACCEPTED,
                    "An environment variable (exported as HA_NAME) for respawned clients."),
            d("use_apphbd", OPTION_LIST, "use_apphbd BOOLEAN", NONE, NONE, ACCEPTED,
                    "Register with the application heartbeat daemon."),
            d("record_config_changes", OPTION_LIST, "record_config_changes BOOLEAN", "on", NONE, ACCEPTED,
                    "Pacemaker only: record CIB changes."),
            d("record_pengine_inputs", OPTION_LIST, "record_pengine_inputs BOOLEAN", "on", NONE, ACCEPTED,
                    "Pacemaker only: record policy-engine inputs."),
            d("enable_config_writes", OPTION_LIST, "enable_config_writes BOOLEAN", "on", NONE, ACCEPTED,
                    "Pacemaker only: write configuration changes to disk."),
            d("quorum_server", OPTION_LIST, "quorum_server HOST", NONE, NONE, ACCEPTED,
                    "A quorum server for the quorumd plugin."),
            d("hbaping", OPTION_LIST, "hbaping DEVICE...", NONE, NONE, ACCEPTED,
                    "A ping node reached through a Fibre Channel HBA."),
            d("normalpoll", OPTION_LIST, "normalpoll BOOLEAN", "true", NONE, ACCEPTED,
                    "Use the system's poll(2)."));

    private static final Map<String, Directive> BY_NAME = index();

    private Directives() {
    }

    public static Optional<Directive> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static Map<String, Directive> index() {
        Map<String, Directive> byName = new LinkedHashMap<>();
        ALL.forEach(d -> byName.put(d.name(), d));
        return byName;
    }

    private static Directive d(String name, Directive.Kind kind, String syntax, String defaultValue, String unit,
            Directive.Support support, String meaning) {
        return new Directive(name, kind, syntax, defaultValue, unit, support, meaning);
    }
}
