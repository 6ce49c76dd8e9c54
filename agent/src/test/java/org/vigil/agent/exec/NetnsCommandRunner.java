package org.vigil.agent.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs every command inside a network namespace the test created ({@code ip netns exec NS ...}). */
public final class NetnsCommandRunner implements CommandRunner {

    private final String namespace;
    private final CommandRunner delegate;
    private final List<CommandResult> history = new ArrayList<>();

    public NetnsCommandRunner(String namespace, CommandRunner delegate) {
        this.namespace = namespace;
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(List<String> command, Map<String, String> environment, Duration timeout) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        CommandResult result = delegate.run(wrapped, environment, timeout);
        synchronized (history) {
            history.add(result);
        }
        return result;
    }

    /** What ran so far, for assertions. */
    public List<CommandResult> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
