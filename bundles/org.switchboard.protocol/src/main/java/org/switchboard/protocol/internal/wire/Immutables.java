package org.switchboard.protocol.internal.wire;

import java.util.List;
import java.util.Map;

/**
 * Builds the JDK's immutable collections from scratch arrays through the fixed-arity factories, which keep the
 * elements without a defensive copy; {@code IrcMessage}'s {@code List.copyOf}/{@code Map.copyOf} then return
 * them unchanged, so a parsed line pays for one collection, not three.
 */
final class Immutables {

    private Immutables() {
    }

    static List<String> list(String[] p, int n) {
        switch (n) {
            case 0: return List.of();
            case 1: return List.of(p[0]);
            case 2: return List.of(p[0], p[1]);
            case 3: return List.of(p[0], p[1], p[2]);
            case 4: return List.of(p[0], p[1], p[2], p[3]);
            case 5: return List.of(p[0], p[1], p[2], p[3], p[4]);
            case 6: return List.of(p[0], p[1], p[2], p[3], p[4], p[5]);
            case 7: return List.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
            case 8: return List.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
            case 9: return List.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
            case 10: return List.of(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]);
            default: return List.of(java.util.Arrays.copyOf(p, n));
        }
    }

    /** Keys must be distinct (the parsers let a later duplicate overwrite the earlier value in place). */
    static Map<String, String> map(String[] k, String[] v, int n) {
        switch (n) {
            case 0: return Map.of();
            case 1: return Map.of(k[0], v[0]);
            case 2: return Map.of(k[0], v[0], k[1], v[1]);
            case 3: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2]);
            case 4: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3]);
            case 5: return Map.of(k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4]);
            default:
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] entries = new Map.Entry[n];
                for (int i = 0; i < n; i++) {
                    entries[i] = Map.entry(k[i], v[i]);
                }
                return Map.ofEntries(entries);
        }
    }

    /** Index of {@code key} among the first {@code n} keys, or -1. */
    static int indexOf(String[] keys, int n, String key) {
        for (int i = 0; i < n; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
