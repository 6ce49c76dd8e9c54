package org.vigil.agent.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads authkeys: {@code auth N} and key lines {@code N method [key]}, N from 0 to 15. Messages
 * never quote a key. File permissions are checked by the loader, which can see the file.
 */
public final class AuthKeysParser {

    static final int MAX_INDEX = 15;

    private final String file;
    private final Diagnostics diagnostics;
    private final Map<Integer, AuthKey> keys = new HashMap<>();
    private final Map<Integer, Integer> keyLines = new HashMap<>();
    private int active = -1;
    private int activeLine;

    private AuthKeysParser(String file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
    }

    public static AuthKeys parse(String file, String content, Diagnostics diagnostics) {
        AuthKeysParser parser = new AuthKeysParser(file, diagnostics);
        for (ConfigText.Line line : ConfigText.lines(content, false)) {
            parser.line(line.number(), ConfigText.words(line.text()));
        }
        return parser.finish();
    }

    private void line(int line, String[] words) {
        if (words[0].equals("auth")) {
            auth(line, words);
        } else if (words[0].matches("\\d+")) {
            key(line, words);
        } else {
            diagnostics.error(file, line, "unexpected word [" + words[0] + "]: lines are 'auth N' or 'N method [key]'",
                    words[0].equalsIgnoreCase("auth") ? "write auth in lower case" : null);
        }
    }

    private void auth(int line, String[] words) {
        if (words.length != 2 || !isIndex(words[1])) {
            diagnostics.error(file, line, "auth needs one key index from 0 to " + MAX_INDEX, "write e.g. auth 1");
            return;
        }
        if (active >= 0) {
            diagnostics.warning(file, line, "auth is set again: [" + words[1] + "] replaces [" + active + "] from line " + activeLine);
        }
        active = Integer.parseInt(words[1]);
        activeLine = line;
    }

    private void key(int line, String[] words) {
        if (!isIndex(words[0])) {
            diagnostics.error(file, line, "key index [" + words[0] + "] is out of range", "use 0 to " + MAX_INDEX);
            return;
        }
        int index = Integer.parseInt(words[0]);
        if (words.length < 2) {
            diagnostics.error(file, line, "key " + index + " has no method", "write e.g. " + index + " sha1 SECRET");
            return;
        }
        var algorithm = AuthAlgorithm.fromKeyword(words[1]);
        if (algorithm.isEmpty()) {
            diagnostics.error(file, line, "invalid auth method [" + words[1] + "]", Suggestions
                    .closest(words[1], List.of("crc", "md5", "sha1", "sha256"), 2).map(s -> "did you mean " + s + "?")
                    .orElse("use sha1 (understood by Heartbeat), sha256 (Vigil only), md5 or crc"));
            return;
        }
        if (!checkKeyWords(line, index, algorithm.get(), words)) {
            return;
        }
        if (keys.containsKey(index)) {
            diagnostics.warning(file, line, "key " + index + " is defined again: this line replaces line " + keyLines.get(index));
        }
        keys.put(index, new AuthKey(index, algorithm.get(), words.length > 2 ? words[2] : ""));
        keyLines.put(index, line);
    }

    private boolean checkKeyWords(int line, int index, AuthAlgorithm algorithm, String[] words) {
        String method = algorithm.keyword();
        if (!algorithm.needsKey() && words.length > 2) {
            diagnostics.error(file, line, "auth method [" + method + "] does not use a key; Heartbeat rejects this line",
                    "write: " + index + " " + method);
            return false;
        }
        if (algorithm.needsKey() && words.length < 3) {
            diagnostics.error(file, line, "auth method [" + method + "] requires a key", "write: " + index + " " + method + " SECRET");
            return false;
        }
        if (words.length > 3) {
            diagnostics.error(file, line, "the key of " + index + " " + method + " contains blanks; a key is one word",
                    "remove the blanks from the key (on every node)");
            return false;
        }
        if (words.length == 3 && isQuoted(words[2])) {
            diagnostics.warning(file, line, "the key of " + index + " " + method + " is written in quotes: the quotes are "
                    + "part of the key, as in Heartbeat", "every node must write the same quotes (or none)");
        }
        return true;
    }

    private static boolean isQuoted(String key) {
        return key.length() >= 2 && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"));
    }

    private AuthKeys finish() {
        if (active < 0) {
            diagnostics.error(file, 0, "missing auth directive: no key is chosen for signing", "add a line: auth N");
        } else if (!keys.containsKey(active)) {
            diagnostics.error(file, activeLine, "auth key [" + active + "] not found in the file",
                    keys.isEmpty() ? "add a key line: " + active + " sha1 SECRET"
                            : "use one of the defined indexes " + keys.keySet() + " or add a line " + active + " sha1 SECRET");
        } else {
            explainActive();
        }
        explainInactiveCrc();
        return new AuthKeys(file, active, keys);
    }

    private void explainActive() {
        AuthKey key = keys.get(active);
        if (keyLines.get(active) < activeLine) {
            diagnostics.warning(file, activeLine, "auth " + active + " comes after its key line " + keyLines.get(active)
                    + ": Heartbeat 3.0.6 then fails with 'Auth Key [" + active + "] not found'",
                    "move 'auth " + active + "' above the key lines so Heartbeat nodes accept the file");
        }
        switch (key.algorithm()) {
            case CRC -> diagnostics.warning(file, keyLines.get(active), "auth method [crc] authenticates nothing: anyone "
                    + "on the network can forge heartbeats and resource messages",
                    "use sha1 with a secret key (sha256 if every node runs Vigil)");
            case SHA256 -> diagnostics.note(file, keyLines.get(active), "sha256 is Vigil's own method: Heartbeat nodes "
                    + "cannot verify it", "use sha1 if a Heartbeat node is part of the cluster");
            default -> { }
        }
    }

    private void explainInactiveCrc() {
        keys.values().stream().filter(k -> k.index() != active && k.algorithm() == AuthAlgorithm.CRC).forEach(k ->
                diagnostics.warning(file, keyLines.get(k.index()), "key " + k.index() + " (crc) is not used for sending, "
                        + "but messages signed with it are accepted, and crc authenticates nothing",
                        "delete the line unless you are switching keys"));
    }

    private static boolean isIndex(String word) {
        if (!word.matches("\\d{1,2}")) {
            return false;
        }
        return Integer.parseInt(word) <= MAX_INDEX;
    }
}
