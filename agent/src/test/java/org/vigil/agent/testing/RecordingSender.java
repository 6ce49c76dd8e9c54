package org.vigil.agent.testing;

import java.util.ArrayList;
import java.util.List;

import org.vigil.agent.membership.OutboundStatus;
import org.vigil.agent.membership.StatusSender;

/** A {@link StatusSender} that only remembers what it was asked to send. */
public final class RecordingSender implements StatusSender {

    private final List<OutboundStatus> statuses = new ArrayList<>();
    private int shutdones;

    @Override
    public void sendStatus(OutboundStatus status) {
        statuses.add(status);
    }

    @Override
    public void sendShutdone() {
        shutdones++;
    }

    public List<OutboundStatus> statuses() {
        return statuses;
    }

    public OutboundStatus last() {
        return statuses.get(statuses.size() - 1);
    }

    public int shutdones() {
        return shutdones;
    }
}
