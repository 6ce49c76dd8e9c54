package org.vigil.agent.transport.conformance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.MediumException;

/** An endpoint around a medium object in this JVM: the sink records what arrives. */
final class InJvmEndpoint implements MediumEndpoint {

    private final HeartbeatMedium medium;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private boolean closed;

    InJvmEndpoint(HeartbeatMedium medium) throws MediumException {
        this.medium = medium;
        medium.start(f -> received.add(new Received(f.linkName(), f.sender(), Frames.unwrap(f.payload()))));
    }

    @Override
    public void send(String text) {
        medium.send(Frames.wrap(text));
    }

    @Override
    public void sendRaw(byte[] bytes) {
        medium.send(bytes);
    }

    @Override
    public void closeMedium() {
        closed = true;
        medium.close();
    }

    @Override
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (!closed) {
            closeMedium();
        }
    }
}
