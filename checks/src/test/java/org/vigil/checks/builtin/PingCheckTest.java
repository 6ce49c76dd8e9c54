package org.vigil.checks.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.checks.CheckResult;
import org.vigil.checks.CheckStatus;
import org.vigil.checks.TestChecks;

/** ping through the system ping (iputils-ping): loopback answers, a name under .invalid (RFC 6761) never resolves. */
class PingCheckTest {

    @Test
    void loopbackAnswersAndTestNetDoesNot() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ping")) || Files.isExecutable(Path.of("/bin/ping")),
                "ping is not installed (Debian package iputils-ping)");
        CheckResult ok = TestChecks.run(TestChecks.build("ping",
                Map.of("hosts", "127.0.0.1", "method", "command", "timeout", "3s")));
        assumeTrue(ok.status() == CheckStatus.OK,
                "ping 127.0.0.1 fails here (no ICMP permission in this sandbox?): " + ok);
        CheckResult bad = TestChecks.run(TestChecks.build("ping",
                Map.of("hosts", "127.0.0.1 no-such-host.invalid", "method", "command", "timeout", "1s")));
        assertEquals(CheckStatus.FAILED, bad.status(), bad::toString);
        assertEquals("no-such-host.invalid", bad.summary());
    }

    @Test
    void javaFallbackReachesLoopback() {
        CheckResult r = TestChecks.run(TestChecks.build("ping",
                Map.of("hosts", "127.0.0.1", "method", "java", "timeout", "2s")));
        // isReachable uses ICMP as root or TCP port 7 otherwise; a refused connection counts as reachable
        assertEquals(CheckStatus.OK, r.status(), r::toString);
    }
}
