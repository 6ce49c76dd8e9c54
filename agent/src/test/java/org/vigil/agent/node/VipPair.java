package org.vigil.agent.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;
import org.vigil.agent.testing.netns.HeartbeatPeer;
import org.vigil.agent.testing.netns.Testbed;

/**
 * The two-node set-up FailoverIT uses, for the ITs that vary one ha.cf detail: nodes a and b
 * (keepalive 200 ms, deadtime 2 s, ucast to each other), {@code a IPaddr2::VIP/24/eth0} in
 * haresources, and a web server on each node that answers with the node's name, so the client
 * can tell who holds the VIP.
 */
final class VipPair {

    private final Testbed tb;
    private final String vip;

    VipPair(Testbed tb) {
        this.tb = tb;
        this.vip = tb.subnet().replace("0/24", "100");
    }

    String vip() {
        return vip;
    }

    /** Writes ha.cf (the common lines plus {@code extraHaCf}), authkeys and haresources on both nodes. */
    void configure(String extraHaCf) {
        configure(extraHaCf, "");
    }

    /** The same, with {@code moreResources} after the VIP on a's haresources line (e.g. {@code " apache2"}). */
    void configure(String extraHaCf, String moreResources) {
        for (String node : new String[] {"a", "b"}) {
            String peer = tb.node(other(node)).address();
            try {
                Path etc = Files.createDirectories(tb.node(node).hostPath("/etc/ha.d"));
                Files.writeString(etc.resolve("ha.cf"), "logfile /var/log/ha-log\nkeepalive 200ms\nwarntime 1\n"
                        + "deadtime 2\ninitdead 10\nudpport 694\nucast eth0 " + peer + "\n" + extraHaCf + "node a b\n");
                Files.writeString(etc.resolve("authkeys"), "auth 1\n1 sha1 vip-pair-key\n");
                Files.setPosixFilePermissions(etc.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
                Files.writeString(etc.resolve("haresources"), "a IPaddr2::" + vip + "/24/eth0" + moreResources + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A web server on each node answering with its name (it listens on 0.0.0.0, so on the VIP too). */
    void startWebServers() {
        for (String node : new String[] {"a", "b"}) {
            try {
                Path www = Files.createDirectories(tb.runDir().resolve("www-" + node));
                Files.writeString(www.resolve("index.html"), node + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tb.spawn(node, "python3", "-m", "http.server", "80", "--bind", "0.0.0.0", "--directory",
                    tb.runDir().resolve("www-" + node).toString());
        }
    }

    /** The client asking for the page through the VIP every 20 ms (see {@link HttpProbe}). */
    Testbed.Spawned startClient() {
        return tb.spawn("client", FailoverIT.java(HttpProbe.class.getName(), "http://" + vip + "/", "20"));
    }

    boolean vipOn(String node) {
        return tb.exec(node, "ip", "-o", "-4", "addr", "show").out().contains(" " + vip + "/");
    }

    /** Both agents' logs and outputs, for a failure report. */
    String diagnostics(Testbed.Spawned... agents) {
        StringBuilder sb = new StringBuilder();
        for (String node : new String[] {"a", "b"}) {
            sb.append("== ").append(node).append("'s log\n").append(log(node)).append('\n');
        }
        for (Testbed.Spawned agent : agents) {
            sb.append("== output of ").append(agent).append('\n').append(agent.output()).append('\n');
        }
        return sb.toString();
    }

    /** The node's ha-log so far. */
    String log(String node) {
        return HeartbeatPeer.log(tb, node);
    }

    /** How often {@code text} occurs in the node's ha-log. */
    int countInLog(String node, String text) {
        return log(node).split(Pattern.quote(text), -1).length - 1;
    }

    static String other(String node) {
        return node.equals("a") ? "b" : "a";
    }
}
