package org.vigil.checks.builtin;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.vigil.checks.CheckContext;

/**
 * A TCP connection whose every read is bounded by what is left of the check's deadline, so that a
 * server that accepts and then says nothing cannot hold the check past its deadline.
 */
final class LineSocket implements Closeable {

    static final int MAX_READ = 64 * 1024;

    private final Socket socket;
    private final CheckContext ctx;
    private final InputStream in;
    private final OutputStream out;

    private LineSocket(Socket socket, CheckContext ctx) throws IOException {
        this.socket = socket;
        this.ctx = ctx;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static LineSocket connect(String host, int port, Duration connectTimeout, CheckContext ctx)
            throws IOException {
        Socket s = new Socket();
        // closing the socket is the only way to unblock a thread stuck in connect or read
        ctx.onAbandon(() -> closeQuietly(s));
        try {
            s.connect(new InetSocketAddress(host, port), ctx.remainingMillisAtMost(connectTimeout));
            return new LineSocket(s, ctx);
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one line without its CR LF; null at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (buf.size() < MAX_READ) {
            socket.setSoTimeout(ctx.remainingMillisAtMost(null));
            int b = in.read();
            if (b < 0) {
                return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
            checkDeadline();
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads until {@code expect} is found in what was received, the peer closes, or the deadline.
     *
     * @return everything read; the caller tests it against the pattern again
     */
    String readUntil(Pattern expect) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (buf.size() < MAX_READ) {
            socket.setSoTimeout(ctx.remainingMillisAtMost(null));
            int n = in.read(chunk);
            if (n < 0) {
                break;
            }
            buf.write(chunk, 0, n);
            if (expect.matcher(buf.toString(StandardCharsets.UTF_8)).find()) {
                break;
            }
            checkDeadline();
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private void checkDeadline() throws SocketTimeoutException {
        // a server that trickles one byte at a time resets SO_TIMEOUT each read: stop it here
        if (ctx.expired()) {
            throw new SocketTimeoutException("deadline passed");
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
