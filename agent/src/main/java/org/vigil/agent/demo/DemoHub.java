package org.vigil.agent.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import org.vigil.agent.transport.FrameSink;
import org.vigil.agent.transport.HeartbeatMedium;
import org.vigil.agent.transport.InboundFrame;

/**
 * An in-memory broadcast network for the demo: every frame a member sends reaches every other
 * member, asynchronously, as a LAN would. It carries the real encoded, signed frames.
 */
final class DemoHub {

    private final List<Member> members = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery;

    DemoHub(ExecutorService delivery) {
        this.delivery = delivery;
    }

    HeartbeatMedium attach(String node) {
        Member m = new Member(node);
        members.add(m);
        return m;
    }

    /** One node's network interface on the hub. */
    private final class Member implements HeartbeatMedium {

        private final String node;
        private volatile FrameSink sink;

        Member(String node) {
            this.node = node;
        }

        @Override
        public String linkName() {
            return "hub0";
        }

        @Override
        public void start(FrameSink s) {
            sink = s;
        }

        @Override
        public void send(byte[] frame) {
            if (sink == null) {
                return;
            }
            for (Member other : members) {
                FrameSink target = other.sink;
                if (other != this && target != null) {
                    delivery.execute(() -> target.onFrame(new InboundFrame("hub0", frame, node)));
                }
            }
        }

        @Override
        public long sendErrors() {
            return 0;
        }

        @Override
        public void close() {
            sink = null;
            members.remove(this);
        }
    }
}
