package org.vigil.agent.node;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The operator's way into a running node: a Unix-domain socket in the state directory, readable
 * by root only, one command line per connection, a text reply. Heartbeat used a FIFO that any
 * local script could write to; a socket gives a reply and an exit status. Bad commands get a
 * clear answer and never reach the cluster state.
 */
public final class ControlServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());
    private static final int MAX_LINE = 4096;
    private static final int MAX_REQUEST = 64 * 1024;

    /** The outcome of a command: whether it worked, and what to print. */
    public record Reply(boolean ok, String text) {
    }

    private final Path socket;
    private final Map<String, Function<List<String>, Reply>> commands = new ConcurrentHashMap<>();
    private ServerSocketChannel server;
    private Thread acceptor;

    public ControlServer(Path socket) {
        this.socket = socket;
    }

    /** Registers a command; its handler gets the words after the command name. */
    public ControlServer command(String name, Function<List<String>, Reply> handler) {
        commands.put(name, handler);
        return this;
    }

    public void start() throws IOException {
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        acceptor = new Thread(this::acceptLoop, "vigil-control");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                serve(client);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(Level.WARNING, "control socket: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "control command failed: " + e);
            }
        }
    }

    private void serve(SocketChannel client) throws IOException {
        String line = readLine(client);
        Reply reply = line.length() > MAX_LINE ? new Reply(false, "command too long (over " + MAX_LINE + " bytes)\n")
                : dispatch(Arrays.asList(line.strip().split("\\s+")));
        client.write(ByteBuffer.wrap(((reply.ok() ? "OK\n" : "ERROR\n") + reply.text()).getBytes(StandardCharsets.UTF_8)));
    }

    Reply dispatch(List<String> words) {
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return new Reply(false, "empty command; commands: " + String.join(", ", commands.keySet()) + "\n");
        }
        Function<List<String>, Reply> handler = commands.get(words.get(0));
        if (handler == null) {
            return new Reply(false, "unknown command [" + words.get(0) + "]; commands: "
                    + String.join(", ", commands.keySet().stream().sorted().toList()) + "\n");
        }
        return handler.apply(words.subList(1, words.size()));
    }

    /**
     * Reads the request up to its newline or the client's end of output, at most
     * {@link #MAX_REQUEST} bytes: what is left unread would make our reply a connection reset.
     */
    private static String readLine(SocketChannel client) throws IOException {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        int n;
        while (seen.size() < MAX_REQUEST && (n = client.read(buf)) >= 0) {
            seen.write(buf.array(), 0, n);
            buf.clear();
            if (seen.toString(StandardCharsets.UTF_8).indexOf('\n') >= 0) {
                break;
            }
        }
        String text = seen.toString(StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** Sends one command to a running node's socket and returns its reply; for the CLI. */
    public static Reply send(Path socket, String command) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            String all = new String(readAll(ch), StandardCharsets.UTF_8);
            int nl = all.indexOf('\n');
            String status = nl < 0 ? all : all.substring(0, nl);
            return new Reply(status.equals("OK"), nl < 0 ? "" : all.substring(nl + 1));
        }
    }

    private static byte[] readAll(SocketChannel ch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            buf.flip();
            out.write(buf.array(), 0, buf.limit());
            buf.clear();
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing control socket: " + e.getMessage());
        }
    }
}
