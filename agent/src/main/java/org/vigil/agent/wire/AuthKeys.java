package org.vigil.agent.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The authkeys key ring: keys by index (0..15, Heartbeat's MAXAUTH) and the active index used
 * for sending ({@code auth N}).
 *
 * <p><b>Verification accepts any configured index</b>, with that index's own method and key. This
 * is what makes key rollover work: add the new key on every node, switch {@code auth} node by
 * node, then remove the old key, and no packet is rejected at any step. Heartbeat 3.0 instead
 * checks netstring packets with the method of the sender's index but the key of the receiver's
 * active entry, so the first node to switch stops hearing its peers and both sides take all
 * resources (see the reference, section 2). Vigil deliberately does not copy that bug.
 */
public final class AuthKeys {

    /** Highest index authkeys allows. */
    public static final int MAX_INDEX = 15;

    private final Map<Integer, AuthKey> keys;
    private final int activeIndex;

    /**
     * @throws IllegalArgumentException if an index is outside 0..15 or the active one is missing
     */
    public AuthKeys(Map<Integer, AuthKey> keys, int activeIndex) {
        TreeMap<Integer, AuthKey> copy = new TreeMap<>();
        keys.forEach((index, key) -> {
            if (index == null || index < 0 || index > MAX_INDEX) {
                throw new IllegalArgumentException("auth key index out of range: " + index);
            }
            copy.put(index, Objects.requireNonNull(key, "key"));
        });
        if (!copy.containsKey(activeIndex)) {
            throw new IllegalArgumentException("Auth Key [" + activeIndex + "] not found");
        }
        this.keys = Collections.unmodifiableMap(copy);
        this.activeIndex = activeIndex;
    }

    /** A ring holding one key, active. */
    public static AuthKeys single(int index, AuthKey key) {
        return new AuthKeys(Map.of(index, key), index);
    }

    public int activeIndex() {
        return activeIndex;
    }

    public AuthKey activeKey() {
        return keys.get(activeIndex);
    }

    /** The key configured at {@code index}, if any. */
    public Optional<AuthKey> key(int index) {
        return Optional.ofNullable(keys.get(index));
    }

    /** The same keys with another active index (what {@code auth N} plus a SIGHUP does). */
    public AuthKeys withActiveIndex(int index) {
        return new AuthKeys(keys, index);
    }

    /** Configured indices, ascending. */
    public Set<Integer> indices() {
        return keys.keySet();
    }

    /** The token {@code "<active index> <hex digest>"} for {@code data}. */
    public String sign(byte[] data) {
        return activeIndex + " " + activeKey().digest(data);
    }

    /**
     * Checks a {@code "<index> <hex>"} token against {@code data}.
     *
     * @return the key index that verified it
     */
    int verify(String token, byte[] data) throws WireFormatException {
        int space = token.indexOf(' ');
        if (space < 1 || space > 2 || space == token.length() - 1) {
            throw new WireFormatException(DropReason.MALFORMED_AUTH, "auth token not '<n> <hex>'");
        }
        int index = 0;
        for (int i = 0; i < space; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new WireFormatException(DropReason.MALFORMED_AUTH, "bad auth key index");
            }
            index = index * 10 + (c - '0');
        }
        // Exact match, as Heartbeat's strcmp: digests are always sent lowercase.
        String claimed = token.substring(space + 1);
        AuthKey key = keys.get(index);
        if (key == null) {
            throw new WireFormatException(DropReason.UNKNOWN_KEY_INDEX,
                    "no key for index " + index);
        }
        byte[] expected = key.digest(data).getBytes(StandardCharsets.US_ASCII);
        // Constant-time compare: an early-exit compare would leak how much of a forgery matches.
        if (!MessageDigest.isEqual(expected, claimed.getBytes(StandardCharsets.ISO_8859_1))) {
            throw new WireFormatException(DropReason.BAD_AUTH,
                    "digest mismatch for key index " + index + " (" + key.method().wireName() + ")");
        }
        return index;
    }

    @Override
    public String toString() {
        return "AuthKeys[active=" + activeIndex + ", keys=" + keys + "]";
    }
}
