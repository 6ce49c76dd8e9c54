package org.vigil.agent.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.lang.System.Logger.Level;
import java.util.List;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.InboundFrame;
import org.vigil.agent.transport.MediumException;
import org.vigil.agent.transport.SendErrorReporter;

/**
 * {@code serial /dev/ttyS0}: 8N1 at the configured baud rate, hardware flow control as in
 * Heartbeat, classic framing. A reader thread cuts the stream into messages; writes are
 * synchronous and serialised.
 */
public final class SerialMedium implements HeartbeatMedium {

    private static final System.Logger LOG = System.getLogger(SerialMedium.class.getName());
    private static final int MAX_FRAME = 256 * 1024;
    private static final int READ_TIMEOUT_MS = 200;

    private final String device;
    private final int baud;
    private final String linkName;
    private final SendErrorReporter errors;
    private final ClassicFrameSplitter splitter = new ClassicFrameSplitter(MAX_FRAME);
    private volatile boolean running;
    private SerialPort port;
    private Thread reader;

    public SerialMedium(String device, int baud, String linkName) {
        this.device = device;
        this.baud = baud;
        this.linkName = linkName;
        this.errors = new SendErrorReporter("serial " + device, message -> LOG.log(Level.ERROR, message));
    }

    @Override
    public String linkName() {
        return linkName;
    }

    @Override
    public boolean classicFraming() {
        return true;
    }

    @Override
    public void start(FrameSink sink) throws MediumException {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(device);
        } catch (RuntimeException e) {
            throw new MediumException("serial device [" + device + "] cannot be used: " + e.getMessage(), e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!p.openPort()) {
            throw new MediumException("cannot open serial device [" + device + "] (error " + p.getLastErrorCode() + ")");
        }
        port = p;
        running = true;
        reader = new Thread(() -> readLoop(sink), "vigil-serial-" + linkName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(FrameSink sink) {
        byte[] buffer = new byte[4096];
        while (running) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                if (running) {
                    LOG.log(Level.ERROR, "read error on serial " + device + " (error " + port.getLastErrorCode() + ")");
                    sleepQuietly();
                }
                continue;
            }
            List<byte[]> frames = splitter.feed(buffer, n);
            for (byte[] frame : frames) {
                sink.onFrame(new InboundFrame(linkName, frame, device));
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(READ_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void send(byte[] frame) {
        SerialPort p = port;
        if (p == null || !running) {
            return;
        }
        int written = p.writeBytes(frame, frame.length);
        if (written == frame.length) {
            errors.succeeded();
        } else {
            errors.failed(new java.io.IOException("wrote " + written + " of " + frame.length + " bytes"));
        }
    }

    @Override
    public long sendErrors() {
        return errors.total();
    }

    /** Messages dropped because they exceeded the size limit. */
    public long oversizedDropped() {
        return splitter.dropped();
    }

    @Override
    public void close() {
        running = false;
        if (port != null) {
            port.closePort();
        }
        if (reader != null) {
            try {
                reader.join(2 * READ_TIMEOUT_MS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "serial " + device + " " + baud + " baud";
    }
}
