package org.switchboard.protocol.internal.wire;

import java.util.List;

/**
 * Builds the JDK's immutable lists from scratch arrays through the fixed-arity factories, which keep the elements
 * without a defensive copy; {@code IrcMessage}'s {@code List.copyOf} then returns them unchanged, so a parsed line
 * pays for one list, not two.
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
}
