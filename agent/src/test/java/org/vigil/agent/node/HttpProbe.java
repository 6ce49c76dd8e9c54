package org.vigil.agent.node;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client run in the test bed's client namespace: one HTTP GET to URL every INTERVAL ms, each on
 * its own thread with a 0.5 s timeout (a request sent to a stale MAC must not delay the next),
 * printing {@code EPOCH_MS ANSWER} per request: the body (the node's name) or {@code ERR}.
 * Usage: {@code HttpProbe URL INTERVAL_MS}.
 */
public final class HttpProbe {

    private HttpProbe() {
    }

    public static void main(String[] args) throws Exception {
        URL url = new URL(args[0]);
        long interval = Long.parseLong(args[1]);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        while (true) {
            long sent = System.currentTimeMillis();
            pool.execute(() -> report(sent, get(url)));
            Thread.sleep(interval);
        }
    }

    private static String get(URL url) {
        try {
            HttpURLConnection c = (HttpURLConnection) url.openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(500);
            c.setUseCaches(false);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (Exception e) {
            return "ERR";
        }
    }

    private static synchronized void report(long sent, String answer) {
        System.out.println(sent + " " + answer);
        System.out.flush();
    }
}
