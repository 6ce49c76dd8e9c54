package org.vigil.agent.health.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services the checks benchmark probes, in a process of its own so that their CPU is not
 * counted against the checker (Vigil or mon): JDK HttpServers answering 200 to any path, and
 * plain TCP listeners that accept and close, all on 127.0.0.1. Writes its ports to a file and,
 * every second, how many requests and connections it has served (so the runs each checker
 * really made can be counted the same way for both). Runs until killed.
 *
 * <p>{@code BenchTargets PORTS-FILE COUNTS-FILE HTTP-SERVERS TCP-LISTENERS}
 */
public final class BenchTargets {

    private BenchTargets() {
    }

    public static void main(String[] args) throws Exception {
        Path portsFile = Path.of(args[0]);
        Path countsFile = Path.of(args[1]);
        int httpServers = Integer.parseInt(args[2]);
        int tcpListeners = Integer.parseInt(args[3]);
        InetAddress lo = InetAddress.getLoopbackAddress();
        AtomicLong requests = new AtomicLong();
        AtomicLong connections = new AtomicLong();
        StringBuilder ports = new StringBuilder();
        ExecutorService httpThreads = Executors.newFixedThreadPool(4);
        byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < httpServers; i++) {
            HttpServer s = HttpServer.create(new InetSocketAddress(lo, 0), 1024);
            s.createContext("/", ex -> {
                requests.incrementAndGet();
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            s.setExecutor(httpThreads);
            s.start();
            ports.append("http ").append(s.getAddress().getPort()).append('\n');
        }
        List<ServerSocket> listeners = new ArrayList<>();
        for (int i = 0; i < tcpListeners; i++) {
            ServerSocket ss = new ServerSocket(0, 1024, lo);
            listeners.add(ss);
            ports.append("tcp ").append(ss.getLocalPort()).append('\n');
            Thread t = new Thread(() -> accept(ss, connections), "tcp-" + ss.getLocalPort());
            t.setDaemon(true);
            t.start();
        }
        write(portsFile, ports.toString());
        while (true) {
            write(countsFile, "http_requests " + requests.get() + "\ntcp_connections " + connections.get() + "\n");
            Thread.sleep(1000);
        }
    }

    private static void accept(ServerSocket ss, AtomicLong connections) {
        while (true) {
            try (Socket s = ss.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
