package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    @Test
    void docsConfigReference_matchesTheParsersTable() throws IOException {
        Path doc = Path.of("..", "docs", "config-reference.md");
        assertEquals(ConfigReference.markdown(), Files.readString(doc),
                "docs/config-reference.md is stale: run bin/vigil config-reference > docs/config-reference.md");
    }

    @Test
    void everyDirective_isDocumentedWithSyntaxAndMeaning() {
        String doc = ConfigReference.markdown();
        for (Directive d : Directives.ALL) {
            assertTrue(doc.contains("| `" + d.name() + "` | `" + d.syntax() + "` |"), d.name());
            assertTrue(!d.meaning().isBlank(), d.name());
        }
    }

    @Test
    void table_coversEveryHeartbeat306Directive() {
        String[] heartbeat = {"cluster", "node", "hopfudge", "keepalive", "deadtime", "deadping", "initdead", "warntime",
            "watchdog", "baud", "udpport", "logfacility", "logfile", "debugfile", "nice_failback", "auto_failback",
            "rtprio", "hbgenmethod", "realtime", "debug", "normalpoll", "msgfmt", "use_logd", "conn_logd_time",
            "use_apphbd", "log_badpack", "syslogmsgfmt", "coredumps", "coreroot", "crm", "pacemaker", "autojoin",
            "uuidfrom", "compression", "compression_threshold", "traditional_compression", "env", "max_rexmit_delay",
            "record_config_changes", "record_pengine_inputs", "enable_config_writes", "memreserve", "quorum_server",
            "stonith", "stonith_host", "apiauth", "respawn", "failfast", "bcast", "mcast", "mcast6", "ucast",
            "ucast6", "serial", "ping", "ping_group", "hbaping"};
        for (String name : heartbeat) {
            assertTrue(Directives.find(name).isPresent(), name);
        }
    }
}
