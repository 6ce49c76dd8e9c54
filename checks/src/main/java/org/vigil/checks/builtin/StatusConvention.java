package org.vigil.checks.builtin;

import java.util.regex.Pattern;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;

/**
 * How a script's exit code and output become a result ({@code convention} option).
 * <ul>
 *   <li>{@code mon}: exit 0 is OK, anything else FAILED; the first output line is the summary
 *       and the rest the detail (mon's monitor convention).</li>
 *   <li>{@code lsb}: an LSB init script's {@code status} action: 0 running (OK), 1 dead with a
 *       pid file, 2 dead with a lock file, 3 not running (all FAILED), 4 status unknown (ERROR),
 *       anything else FAILED.</li>
 *   <li>{@code status}: Heartbeat's reading of status output, the exit code is ignored: output
 *       matching {@code [Nn]ot *[Rr]unning} means stopped; otherwise {@code [Rr]unning} or
 *       {@code OK} means running; anything else means stopped.</li>
 * </ul>
 */
enum StatusConvention {
    MON, LSB, STATUS;

    private static final Pattern NOT_RUNNING = Pattern.compile("[Nn]ot *[Rr]unning");
    private static final Pattern RUNNING = Pattern.compile("[Rr]unning|OK");

    CheckResult interpret(int exit, String output) {
        String text = output.strip();
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl).strip();
        String rest = nl < 0 ? "" : text.substring(nl + 1);
        return switch (this) {
            case MON -> new CheckResult(exit == 0 ? CheckStatus.OK : CheckStatus.FAILED,
                    first.isEmpty() ? "exit " + exit : first, rest, null);
            case LSB -> lsb(exit, first, text);
            case STATUS -> {
                boolean running = !NOT_RUNNING.matcher(text).find() && RUNNING.matcher(text).find();
                yield new CheckResult(running ? CheckStatus.OK : CheckStatus.FAILED,
                        first.isEmpty() ? (running ? "running" : "no output") : first, text, null);
            }
        };
    }

    private static CheckResult lsb(int exit, String first, String text) {
        String meaning = switch (exit) {
            case 0 -> "running";
            case 1 -> "dead but pid file exists";
            case 2 -> "dead but lock file exists";
            case 3 -> "not running";
            case 4 -> "status unknown";
            default -> "exit " + exit;
        };
        CheckStatus status = exit == 0 ? CheckStatus.OK : exit == 4 ? CheckStatus.ERROR : CheckStatus.FAILED;
        String summary = first.isEmpty() ? meaning : meaning + ": " + first;
        return new CheckResult(status, summary, "LSB status " + exit + "\n" + text, null);
    }
}
