package org.vigil.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @TempDir
    Path dir;

    @Test
    void commands_answerOverTheSocket_andBadOnesAreExplained() throws IOException {
        Path socket = dir.resolve("control.sock");
        try (ControlServer server = new ControlServer(socket)
                .command("echo", args -> new ControlServer.Reply(true, String.join(",", args) + "\n"))) {
            server.start();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            ControlServer.Reply ok = ControlServer.send(socket, "echo a b");
            assertTrue(ok.ok());
            assertEquals("a,b\n", ok.text());
            ControlServer.Reply unknown = ControlServer.send(socket, "standby all");
            assertFalse(unknown.ok());
            assertTrue(unknown.text().contains("unknown command [standby]; commands: echo"), unknown.text());
            assertFalse(ControlServer.send(socket, "").ok());
            ControlServer.Reply tooLong = ControlServer.send(socket, "echo " + "x".repeat(10_000));
            assertFalse(tooLong.ok());
            assertTrue(tooLong.text().contains("command too long"), tooLong.text());
            assertTrue(ControlServer.send(socket, "echo after").ok(), "the server still answers");
        }
        assertFalse(Files.exists(socket), "closing removes the socket");
    }

    @Test
    void dispatch_handlerException_doesNotKillTheServer() throws IOException {
        Path socket = dir.resolve("c.sock");
        try (ControlServer server = new ControlServer(socket)
                .command("boom", args -> {
                    throw new IllegalStateException("bug");
                })
                .command("ping", args -> new ControlServer.Reply(true, "pong\n"))) {
            server.start();
            try {
                ControlServer.send(socket, "boom");
            } catch (IOException expected) {
                // the connection closes without a reply
            }
            assertEquals("pong\n", ControlServer.send(socket, "ping").text());
        }
    }

    @Test
    void dispatch_passesTheWordsAfterTheCommand() {
        ControlServer server = new ControlServer(dir.resolve("x")).command("takeover", args -> new ControlServer.Reply(true, args.toString()));
        assertEquals("[foreign]", server.dispatch(List.of("takeover", "foreign")).text());
    }
}
