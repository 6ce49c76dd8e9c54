package org.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws random and mutated configuration files at the three parsers: only diagnostics may come
 * out, never an exception, and every diagnostic points inside the file.
 */
class ConfigFuzzTest {

    private static final int ROUNDS = 3000;
    private static final String[] SEEDS_HACF = {
        "logfile /var/log/ha-log\nkeepalive 2\ndeadtime 10\nwarntime 6\ninitdead 60\nudpport 694\nbcast eth0\n"
            + "serial /dev/ttyS0\nbaud 19200\nauto_failback on\nnode serv-a\nnode serv-b\nping 10.3.2.1\n",
        "mcast eth0 225.0.0.1 694 1 0\nucast eth1 10.0.0.2\nucast6 eth1 fe80::2\nping_group g 10.0.0.1 10.0.0.2\n"
            + "respawn hacluster /usr/lib/heartbeat/ipfail\nstonith_host * baytech 10.0.0.3 mylogin mysecretpassword\n"
            + "crm off\nnice_failback on\nenv X=1\nhopfudge 1\nmsgfmt netstring\n"};
    private static final String[] SEEDS_AUTH = {"auth 1\n1 sha1 P@ssw0rd\n2 md5 \"x\"\n3 crc\n", "#c\nauth 3\n3 sha256 k\n"};
    private static final String[] SEEDS_HARES = {
        "serv-a drbddisk::user Filesystem::/dev/drbd0::/user::ext3 IPaddr2::130.66.201.3/24/eth0:0 cyrus MailTo::root\n",
        "S1.domain 160.133.100.254 httpd\ns2.domain 160.133.100.254 \\\n httpd\n"};
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 \t\n:/.,#\\\"'=-_*%()[]{}\u0000\u00e9\u2028\r";

    private final Random random = new Random(20261123L);
    private final FakeHost host = new FakeHost("serv-a", "eth0");
    private final ResourceCatalog catalog = new ResourceCatalog(List.of(Path.of("/nonexistent")), List.of(), host);

    @Test
    void parsers_survive_randomAndMutatedInput() {
        for (int i = 0; i < ROUNDS; i++) {
            String hacf = input(SEEDS_HACF);
            String auth = input(SEEDS_AUTH);
            String hares = input(SEEDS_HARES);
            Diagnostics d = new Diagnostics();
            assertDoesNotThrow(() -> HaCfParser.parse("ha.cf", hacf, d, host), () -> "ha.cf input:\n" + hacf);
            assertDoesNotThrow(() -> AuthKeysParser.parse("authkeys", auth, d), () -> "authkeys input:\n" + auth);
            assertDoesNotThrow(() -> HaResourcesParser.parse("haresources", hares, d, catalog), () -> "haresources input:\n" + hares);
            checkLines(d, hacf, auth, hares);
        }
    }

    private void checkLines(Diagnostics d, String hacf, String auth, String hares) {
        for (Diagnostic diagnostic : d.sorted()) {
            String text = switch (diagnostic.file()) {
                case "ha.cf" -> hacf;
                case "authkeys" -> auth;
                default -> hares;
            };
            int lines = text.split("\r?\n", -1).length;
            assertTrue(diagnostic.line() <= lines, () -> diagnostic.format() + " is past the end of:\n" + text);
            assertTrue(!diagnostic.message().isBlank());
        }
    }

    private String input(String[] seeds) {
        return switch (random.nextInt(3)) {
            case 0 -> randomText(random.nextInt(400));
            case 1 -> mutate(seeds[random.nextInt(seeds.length)]);
            default -> shuffleLines(mutate(seeds[random.nextInt(seeds.length)]));
        };
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private String mutate(String seed) {
        StringBuilder sb = new StringBuilder(seed);
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < mutations && sb.length() > 0; i++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(5)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> sb.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + random.nextInt(30))));
                default -> sb.insert(at, " 99999999999999999999 ");
            }
        }
        return sb.toString();
    }

    private String shuffleLines(String text) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n")));
        java.util.Collections.shuffle(lines, random);
        return String.join("\n", lines);
    }
}
