package org.switchboard.ui.swing.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionEvent.Type;

class ChangeTrackerTest {

    @Test
    void aFloodOfEventsFromManyThreadsBecomesOneSetOfMarks() {
        ChangeTracker tracker = new ChangeTracker();
        tracker.drain(); // the initial "build everything" mark
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long id = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        tracker.sessionChanged(new SessionEvent(Type.LINES_ADDED, id));
                        tracker.sessionChanged(new SessionEvent(Type.ACTIVITY_CHANGED, id));
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        });
        ChangeTracker.Changes changes = tracker.drain();
        assertEquals(Set.of(0L, 1L, 2L, 3L), changes.lines());
        assertEquals(Set.of(0L, 1L, 2L, 3L), changes.activity());
        assertFalse(changes.structure());
        assertTrue(tracker.drain().isEmpty(), "marks are cleared by a drain");
    }

    @Test
    void eachKindOfEventMarksItsPart() {
        ChangeTracker tracker = new ChangeTracker();
        assertTrue(tracker.drain().structure(), "a new tracker asks for a full build");
        tracker.sessionChanged(new SessionEvent(Type.MEMBERS_CHANGED, 7));
        tracker.sessionChanged(new SessionEvent(Type.TOPIC_CHANGED, 8));
        ChangeTracker.Changes changes = tracker.drain();
        assertEquals(Set.of(7L), changes.members());
        assertEquals(Set.of(8L), changes.topics());
        assertFalse(changes.structure());
        tracker.sessionChanged(new SessionEvent(Type.BUFFER_ADDED, 9));
        assertTrue(tracker.drain().structure());
    }
}
