package org.switchboard.feature.notify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The rate limit: at most one notice per interval. The first highlight after a quiet interval is shown at once;
 * those that follow within the interval are held back and shown together when it ends ("5 new highlights in
 * #java"). Not thread-safe: the notification thread owns it. Times are epoch milliseconds from the caller's clock.
 */
final class Coalescer {

    /** Highlights held back in one buffer: how many, the newest, and when it came among all held ones. */
    private static final class Held {
        int count;
        Highlight newest;
        long arrival;
    }

    /** Per buffer, in the order the buffers first had a highlight held. */
    private final Map<Long, Held> held = new LinkedHashMap<>();
    private long lastShown = Long.MIN_VALUE;
    private long arrivals;

    /** A new highlight at {@code now}: the notice to show now, or null when it is held back (see {@link #dueAt}). */
    Notice offer(Highlight highlight, long now, long intervalMillis) {
        if (held.isEmpty() && (lastShown == Long.MIN_VALUE || now - lastShown >= intervalMillis)) {
            lastShown = now;
            return single(highlight);
        }
        Held inBuffer = held.computeIfAbsent(highlight.bufferId(), id -> new Held());
        inBuffer.count++;
        inBuffer.newest = highlight;
        inBuffer.arrival = arrivals++;
        return null;
    }

    /** When the held-back highlights are to be shown, or -1 when none are held. */
    long dueAt(long intervalMillis) {
        return held.isEmpty() ? -1 : lastShown + intervalMillis;
    }

    /** The held-back highlights as one notice if they are due at {@code now}, else null. */
    Notice flush(long now, long intervalMillis) {
        if (held.isEmpty() || now < dueAt(intervalMillis)) {
            return null;
        }
        Highlight newest = held.values().stream().max(Comparator.comparingLong(h -> h.arrival)).orElseThrow().newest;
        int total = held.values().stream().mapToInt(h -> h.count).sum();
        Notice notice;
        if (total == 1) {
            notice = single(newest);
        } else if (held.size() == 1) {
            notice = new Notice(total + " new highlights in " + newest.place(), newest.message(), newest.bufferId(),
                    newest.line());
        } else {
            StringBuilder where = new StringBuilder();
            for (Held inBuffer : held.values()) {
                where.append(where.length() == 0 ? "" : ", ").append(inBuffer.newest.buffer()).append(" (")
                        .append(inBuffer.count).append(')');
            }
            notice = new Notice(total + " new highlights: " + where, newest.buffer() + ": " + newest.message(),
                    newest.bufferId(), newest.line());
        }
        held.clear();
        lastShown = now;
        return notice;
    }

    /** Drops what is held for the buffers the user need not hear about any more (now looking at them, closed). */
    void forgetIf(LongPredicate buffer) {
        held.keySet().removeIf(buffer::test);
    }

    private static Notice single(Highlight highlight) {
        return new Notice(highlight.place(), highlight.message(), highlight.bufferId(), highlight.line());
    }
}
