package org.vigil.checks.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vigil.checks.CheckResult;
import org.vigil.checks.HealthCheck;

/** Records what the scheduler reports. */
class Recorder implements CheckListener {

    record Event(String check, String what, Instant at) {
    }

    final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onResult(HealthCheck check, CheckResult result, Instant at) {
        events.add(new Event(check.name(), result.status().name(), at));
    }

    @Override
    public void onSkipped(HealthCheck check, SkipReason reason, Instant at) {
        events.add(new Event(check.name(), reason.name(), at));
    }

    List<Instant> times(String what) {
        synchronized (events) {
            return events.stream().filter(e -> e.what().equals(what)).map(Event::at).toList();
        }
    }
}
