package org.switchboard.ui.swing.update;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;

/**
 * Collects what changed in the session between two screen refreshes. {@link #sessionChanged} runs on whatever
 * thread changed the session, at flood rate, so it only sets flags; the event thread drains them with
 * {@link #drain()} on a timer and repaints once per tick, however many lines arrived.
 */
public final class ChangeTracker implements SessionListener {

    private final AtomicBoolean structure = new AtomicBoolean(true);
    private final Set<Long> lines = ConcurrentHashMap.newKeySet();
    private final Set<Long> members = ConcurrentHashMap.newKeySet();
    private final Set<Long> topics = ConcurrentHashMap.newKeySet();
    private final Set<Long> activity = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionChanged(SessionEvent event) {
        long id = event.bufferId();
        switch (event.type()) {
            case BUFFER_ADDED, BUFFER_REMOVED, BUFFER_STATE_CHANGED -> {
                structure.set(true);
                // A state change may be a rename or modes, which the topic bar shows.
                topics.add(id);
            }
            case LINES_ADDED -> lines.add(id);
            case MEMBERS_CHANGED -> members.add(id);
            case TOPIC_CHANGED -> topics.add(id);
            case ACTIVITY_CHANGED -> activity.add(id);
        }
    }

    /** Everything marked since the last drain; the marks are cleared. */
    public Changes drain() {
        return new Changes(structure.getAndSet(false), take(lines), take(members), take(topics), take(activity));
    }

    private static Set<Long> take(Set<Long> marks) {
        if (marks.isEmpty()) {
            return Set.of();
        }
        Set<Long> taken = new java.util.HashSet<>();
        for (java.util.Iterator<Long> it = marks.iterator(); it.hasNext();) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }

    /** One refresh worth of changes. */
    public record Changes(boolean structure, Set<Long> lines, Set<Long> members, Set<Long> topics,
            Set<Long> activity) {

        public boolean isEmpty() {
            return !structure && lines.isEmpty() && members.isEmpty() && topics.isEmpty() && activity.isEmpty();
        }
    }
}
