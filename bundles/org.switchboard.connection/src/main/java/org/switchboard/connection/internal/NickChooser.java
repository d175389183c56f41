package org.switchboard.connection.internal;

import java.util.List;

/**
 * The nicks to try during registration when the server refuses one (432/433/436/437): the configured nick, the
 * alternates in order, then generated ones ({@code nick_}, {@code nick1} ... {@code nick9}, then
 * {@code nick} plus four digits), each cut to the server's NICKLEN.
 */
final class NickChooser {

    private final String primary;
    private final List<String> alternates;
    private int next;

    NickChooser(String primary, List<String> alternates) {
        this.primary = primary;
        this.alternates = List.copyOf(alternates);
    }

    String first() {
        next = 1;
        return primary;
    }

    /** The nick to try after the previous one was refused. */
    String next(int nickLength) {
        int index = next++;
        String candidate;
        if (index <= alternates.size()) {
            candidate = alternates.get(index - 1);
        } else {
            int generated = index - alternates.size();
            if (generated == 1) {
                candidate = primary + "_";
            } else if (generated <= 10) {
                candidate = primary + (generated - 1);
            } else {
                candidate = primary + (1000 + (generated * 7919) % 9000);
            }
            if (candidate.length() > nickLength) {
                String suffix = candidate.substring(primary.length());
                candidate = primary.substring(0, Math.max(1, nickLength - suffix.length())) + suffix;
            }
        }
        return candidate;
    }
}
