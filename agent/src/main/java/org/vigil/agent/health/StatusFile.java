package org.vigil.agent.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks status file, {@code checks.json} in the state directory: written by the agent,
 * read by {@code vigil checks} in another process. Written to a temporary file and renamed over
 * the old one, so a reader sees the old or the new file, never half of one. Not fsynced: it is a
 * view of live state and means nothing after a crash.
 */
public final class StatusFile {

    /** The file's name in the state directory. */
    public static final String NAME = "checks.json";
    static final int FORMAT = 1;

    private StatusFile() {
    }

    /** Writes the status atomically (temporary file in the same directory, then rename). */
    public static void write(Path file, HealthStatus status) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toJson(status), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a status file.
     *
     * @throws IOException if it cannot be read or is not a status file
     */
    public static HealthStatus read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return fromJson(text);
        } catch (RuntimeException e) { // wrong types, missing keys, bad times: all "not ours"
            throw new IOException(file + " is not a checks status file: " + e.getMessage(), e);
        }
    }

    static String toJson(HealthStatus status) {
        StringBuilder out = new StringBuilder(256 + 320 * status.checks().size());
        out.append("{\n  \"format\": ").append(FORMAT)
                .append(",\n  \"pid\": ").append(status.pid())
                .append(",\n  \"written\": ");
        instant(status.written(), out);
        out.append(",\n  \"checks\": [");
        String sep = "\n";
        for (CheckState c : status.checks()) {
            out.append(sep).append("    {");
            field("name", c.name(), out, true);
            field("group", c.group(), out, false);
            field("type", c.type(), out, false);
            field("status", c.status(), out, false);
            field("state", c.state(), out, false);
            field("summary", c.summary(), out, false);
            out.append(", \"lastRun\": ");
            instant(c.lastRun(), out);
            out.append(", \"lastChange\": ");
            instant(c.lastChange(), out);
            out.append(", \"failuresInARow\": ").append(c.failuresInARow())
                    .append(", \"failCount\": ").append(c.failCount())
                    .append(", \"ineligible\": ").append(c.ineligible())
                    .append(", \"ineligibleUntil\": ");
            instant(c.ineligibleUntil(), out);
            out.append(", \"runs\": ").append(c.runs()).append(", \"skipped\": ").append(c.skipped()).append('}');
            sep = ",\n";
        }
        return out.append(status.checks().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static void field(String key, String value, StringBuilder out, boolean first) {
        out.append(first ? "" : ", ");
        JsonText.string(key, out);
        out.append(": ");
        JsonText.string(value, out);
    }

    private static void instant(Instant t, StringBuilder out) {
        JsonText.string(t == null ? null : t.toString(), out);
    }

    @SuppressWarnings("unchecked")
    static HealthStatus fromJson(String text) {
        Map<String, Object> root = (Map<String, Object>) JsonText.parse(text);
        Object format = root.get("format");
        if (!(format instanceof Long f) || f != FORMAT) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        List<CheckState> checks = new ArrayList<>();
        for (Object o : (List<Object>) root.get("checks")) {
            Map<String, Object> c = (Map<String, Object>) o;
            checks.add(new CheckState((String) c.get("name"), (String) c.get("group"), (String) c.get("type"),
                    (String) c.get("status"), (String) c.get("state"), (String) c.get("summary"),
                    time(c.get("lastRun")), time(c.get("lastChange")), number(c.get("failuresInARow")),
                    number(c.get("failCount")), Boolean.TRUE.equals(c.get("ineligible")),
                    time(c.get("ineligibleUntil")), ((Long) c.get("runs")), ((Long) c.get("skipped"))));
        }
        return new HealthStatus((Long) root.get("pid"), time(root.get("written")), checks);
    }

    private static int number(Object o) {
        return ((Long) o).intValue();
    }

    private static Instant time(Object o) {
        return o == null ? null : Instant.parse((String) o);
    }
}
