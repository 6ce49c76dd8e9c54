package org.vigil.agent.failover.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.agent.exec.CommandResult;
import org.vigil.agent.exec.CommandRunner;
import org.vigil.agent.exec.ProcessCommandRunner;
import org.vigil.agent.time.Ticker;

/** Filesystem (real mounts in a private mount namespace), drbddisk and MailTo (fake programs). */
class BuiltinAgentsIT {

    @TempDir
    Path dir;

    private final ProcessCommandRunner host = new ProcessCommandRunner(Ticker.system());

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    /** Runs every command in the mount namespace of a holder process, which the test owns. */
    private static CommandRunner inMountNamespace(long holder, CommandRunner delegate) {
        return (command, env, timeout) -> {
            List<String> wrapped = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder), "-m"));
            wrapped.addAll(command);
            return delegate.run(wrapped, env, timeout);
        };
    }

    @Test
    void filesystem_mountsAndUnmounts_andFreesABusyMount() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for mount namespaces: skipped");
        Process holder = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sleep", "600").start();
        try {
            Thread.sleep(200);
            CommandRunner ns = inMountNamespace(holder.pid(), host);
            Path mnt = dir.resolve("data");
            FilesystemAgent fs = new FilesystemAgent("Filesystem::tmpfs::" + mnt + "::tmpfs::size=1m",
                    List.of("tmpfs", mnt.toString(), "tmpfs", "size=1m"), ns, Duration.ofSeconds(5));
            assertEquals(ResourceState.STOPPED, fs.status().state());
            OpResult started = fs.start();
            assertTrue(started.success(), started.detail());
            assertEquals(ResourceState.RUNNING, fs.status().state());
            assertFalse(Files.readString(Path.of("/proc/self/mounts")).contains(mnt.toString()), "the host's mounts are untouched");
            Process user = new ProcessBuilder("nsenter", "-t", Long.toString(holder.pid()), "-m", "sh", "-c",
                    "cd " + mnt + " && exec sleep 600").start();
            Thread.sleep(300);
            OpResult busy = fs.stop();
            assertFalse(busy.success(), "busy: the first stop fails and kills the user");
            assertTrue(user.waitFor(5, TimeUnit.SECONDS), "the process using the mount was killed");
            assertTrue(fs.stop().success());
            assertEquals(ResourceState.STOPPED, fs.status().state());
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void drbddisk_promotesAndDemotes_throughDrbdadm() throws IOException {
        Path role = dir.resolve("role");
        Files.writeString(role, "Secondary/Primary\n");
        Path drbdadm = script("drbdadm", "case \"$1\" in primary) echo Primary/Secondary > " + role + ";;"
                + " secondary) echo Secondary/Primary > " + role + ";; role) cat " + role + ";; esac\n");
        DrbdDiskAgent agent = new DrbdDiskAgent("drbddisk::r0", List.of("r0"), drbdadm.toString(), host, Duration.ofSeconds(5));
        assertEquals(ResourceState.STOPPED, agent.status().state());
        assertTrue(agent.start().success());
        assertEquals(ResourceState.RUNNING, agent.status().state());
        assertTrue(agent.stop().success());
        assertEquals(ResourceState.STOPPED, agent.status().state());
    }

    @Test
    void mailTo_mailsHeartbeatsTexts_andKeepsItsState() throws IOException {
        Path outbox = dir.resolve("outbox");
        Path sendmail = script("sendmail", "cat >> " + outbox + "\n");
        MailToAgent agent = new MailToAgent("MailTo::root,ops@example.org::Cluster", List.of("root,ops@example.org", "Cluster"),
                dir, "alpha", sendmail.toString(), host);
        assertEquals(ResourceState.STOPPED, agent.status().state());
        assertTrue(agent.start().success());
        assertEquals(ResourceState.RUNNING, agent.status().state());
        assertTrue(agent.stop().success());
        String mail = Files.readString(outbox);
        assertTrue(mail.contains("To: root, ops@example.org"), mail);
        assertTrue(mail.contains("Subject: Cluster Takeover in progress at "), mail);
        assertTrue(mail.contains(" on alpha"), mail);
        assertTrue(mail.contains("Subject: Cluster Migrating resource away at "), mail);
        assertEquals(ResourceState.STOPPED, agent.status().state());
    }

    @Test
    void mailTo_unreachableMailer_neverFailsTheGroup() {
        MailToAgent agent = new MailToAgent("MailTo::root", List.of("root"), dir, "alpha", dir.resolve("no-sendmail").toString(), host);
        OpResult r = agent.start();
        assertTrue(r.success());
        assertTrue(r.detail().startsWith("could not mail"), r.detail());
    }

    @Test
    void commandResult_ofStdinRunner_passesInput() {
        CommandResult r = host.run(List.of("cat"), Map.of(), Duration.ofSeconds(5), "hello".getBytes());
        assertEquals("hello", r.stdout());
    }
}
