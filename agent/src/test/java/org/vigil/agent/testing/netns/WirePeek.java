package org.vigil.agent.testing.netns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough of Heartbeat's wire format to look into captured packets from tests (message type,
 * sender, status). Not the codec: no validation beyond what is needed to walk the fields.
 *
 * <p>Netstring framing: {@code ###\n}, then {@code <len>:(<type>)<name>=<value>,} per field,
 * {@code %%%\n}, then the trailer netstring {@code <len>:<auth index> <hex>,}. Classic framing:
 * {@code >>>\n}, {@code name=value\n} lines, {@code <<<\n} and a NUL.
 */
public final class WirePeek {
    private WirePeek() {
    }

    /** One field: {@code type} is the {@code (T)} prefix (0 = string, 1 = binary, ...). */
    public record Field(String name, int type, String value) {
    }

    /** Parsed message: framing ("netstring" or "classic"), fields in wire order, and the trailer. */
    public record Message(String framing, List<Field> fields, String trailer) {
        public Optional<String> get(String name) {
            return fields.stream().filter(f -> f.name.equals(name)).map(Field::value).findFirst();
        }

        public String type() {
            return get("t").orElse("?");
        }

        public List<String> names() {
            return fields.stream().map(Field::name).toList();
        }
    }

    public static Message parse(byte[] p) {
        String s = new String(p, StandardCharsets.ISO_8859_1);
        if (s.startsWith("###\n")) {
            return netstring(s);
        }
        if (s.startsWith(">>>\n")) {
            return classic(s);
        }
        throw new IllegalArgumentException("neither netstring (###) nor classic (>>>) framing");
    }

    private static Message netstring(String s) {
        List<Field> fields = new ArrayList<>();
        int pos = 4;
        while (!s.startsWith("%%%\n", pos)) {
            int colon = s.indexOf(':', pos);
            int len = Integer.parseInt(s.substring(pos, colon));
            String item = s.substring(colon + 1, colon + 1 + len);
            if (s.charAt(colon + 1 + len) != ',') {
                throw new IllegalArgumentException("netstring without ',' at " + (colon + 1 + len));
            }
            fields.add(field(item));
            pos = colon + 2 + len;
        }
        pos += 4;
        String trailer = "";
        if (pos < s.length()) {
            int colon = s.indexOf(':', pos);
            int len = Integer.parseInt(s.substring(pos, colon));
            trailer = s.substring(colon + 1, colon + 1 + len);
        }
        return new Message("netstring", fields, trailer);
    }

    private static Message classic(String s) {
        List<Field> fields = new ArrayList<>();
        for (String line : s.substring(4).split("\n")) {
            if (line.startsWith("<<<")) {
                break;
            }
            fields.add(field(line));
        }
        return new Message("classic", fields, "");
    }

    private static Field field(String item) {
        int type = 0;
        String rest = item;
        if (item.startsWith("(") && item.indexOf(')') > 0) {
            type = Integer.parseInt(item.substring(1, item.indexOf(')')));
            rest = item.substring(item.indexOf(')') + 1);
        }
        int eq = rest.indexOf('=');
        return new Field(rest.substring(0, eq), type, rest.substring(eq + 1));
    }
}
