package org.vigil.agent.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.config.AutoFailback;
import org.vigil.agent.config.ConfigLoader;
import org.vigil.agent.config.ConfigPaths;
import org.vigil.agent.config.FakeHost;
import org.vigil.agent.config.LoadedConfig;
import org.vigil.agent.config.ResourceCatalog;

class FailoverSettingsTest {

    @TempDir
    Path dir;

    @Test
    void fromALoadedConfiguration() throws IOException {
        Files.writeString(dir.resolve("ha.cf"), "node alpha beta\nbcast eth0\nkeepalive 1\ndeadtime 5\n"
                + "initdead 10\nauto_failback legacy\nping 10.0.0.1\nlogfile /x\n");
        Files.writeString(dir.resolve("authkeys"), "auth 1\n1 sha1 secret\n");
        Files.setPosixFilePermissions(dir.resolve("authkeys"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("haresources"), "beta 10.0.0.10 MailTo::root\nalpha 10.0.0.11\n");
        FakeHost host = new FakeHost("alpha", "eth0");
        LoadedConfig loaded = new ConfigLoader(host).load(ConfigPaths.in(dir), Optional.empty(),
                ResourceCatalog.standard(dir, host));
        FailoverSettings s = FailoverSettings.from(loaded.config());
        assertEquals("alpha", s.localNode());
        assertEquals(List.of("alpha", "beta"), s.nodes());
        assertEquals(List.of(new FailoverSettings.Group("10.0.0.10", "beta"),
                new FailoverSettings.Group("10.0.0.11", "alpha")), s.groups());
        assertEquals(AutoFailback.LEGACY, s.autoFailback());
        assertEquals(List.of("10.0.0.1"), s.pingNodes());
        assertFalse(s.stonith());
        assertTrue(s.twoNode());
        assertEquals(10, s.rqstDelay().toSeconds());
        assertEquals(2, s.ipfailGiveUpDelay().toSeconds(), "twice keepalive 1, as Heartbeat's delay_giveup");
    }
}
