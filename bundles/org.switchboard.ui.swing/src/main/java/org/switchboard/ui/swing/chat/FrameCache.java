package org.switchboard.ui.swing.chat;

import java.util.HashMap;
import java.util.Map;

/**
 * What the last frame showed, by line sequence number: a frame takes what it shows again from the previous one
 * and drops the rest at its end. So the cache never holds more than one screenful, however many lines scroll
 * past in a flood, and an unchanged view lays out nothing twice. Event thread only.
 *
 * @param <V> what is kept per line
 */
final class FrameCache<V> {

    private Map<Long, V> shown = new HashMap<>();
    private Map<Long, V> next = new HashMap<>();

    /** What the previous frame had for line {@code seq}, or null. */
    V previous(long seq) {
        return shown.get(seq);
    }

    /** Line {@code seq} is in this frame. */
    void keep(long seq, V value) {
        next.put(seq, value);
    }

    /** This frame is complete: it becomes the previous one, and lines it did not keep are forgotten. */
    void endFrame() {
        Map<Long, V> done = shown;
        shown = next;
        done.clear();
        next = done;
    }

    void clear() {
        shown.clear();
        next.clear();
    }

    /** Lines held from the last frame. */
    int size() {
        return shown.size();
    }
}
