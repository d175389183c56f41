package org.switchboard.ui.compact.view;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.switchboard.api.session.SessionEvent;

/**
 * What changed since the window last looked. {@link #note} runs on reader threads at flood rate and only sets
 * marks; the window's timer takes them on the event thread.
 */
public final class Pending {

    private final AtomicBoolean bufferList = new AtomicBoolean(true);
    private final Set<Long> content = ConcurrentHashMap.newKeySet();

    public void note(SessionEvent event) {
        switch (event.type()) {
            case BUFFER_ADDED, BUFFER_REMOVED, ACTIVITY_CHANGED -> bufferList.set(true);
            case BUFFER_STATE_CHANGED -> {
                // A rename or a mode change: the switcher and the header both show it.
                bufferList.set(true);
                content.add(event.bufferId());
            }
            case LINES_ADDED, MEMBERS_CHANGED, TOPIC_CHANGED -> content.add(event.bufferId());
        }
    }

    /** True (once) when the buffer list or any count in it changed. */
    boolean takeBufferList() {
        return bufferList.getAndSet(false);
    }

    /** Buffers whose lines, members or topic changed; the marks are cleared. */
    Set<Long> takeContent() {
        if (content.isEmpty()) {
            return Set.of();
        }
        Set<Long> taken = new HashSet<>();
        for (Iterator<Long> it = content.iterator(); it.hasNext();) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }
}
