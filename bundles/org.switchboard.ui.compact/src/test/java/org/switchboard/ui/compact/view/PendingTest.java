package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionEvent.Type;

class PendingTest {

    @Test
    void startsDirtySoTheFirstTickBuildsTheSwitcher() {
        Pending pending = new Pending();
        assertTrue(pending.takeBufferList());
        assertFalse(pending.takeBufferList());
    }

    @Test
    void floodOfLinesCoalescesToOneMarkPerBuffer() {
        Pending pending = new Pending();
        pending.takeBufferList();
        for (int i = 0; i < 10_000; i++) {
            pending.note(new SessionEvent(Type.LINES_ADDED, i % 3));
        }
        assertEquals(Set.of(0L, 1L, 2L), pending.takeContent());
        assertEquals(Set.of(), pending.takeContent());
        assertFalse(pending.takeBufferList(), "lines alone do not touch the switcher");
    }

    @Test
    void activityAndStateChangesRefreshTheSwitcher() {
        Pending pending = new Pending();
        pending.takeBufferList();
        pending.note(new SessionEvent(Type.ACTIVITY_CHANGED, 4));
        assertTrue(pending.takeBufferList());
        pending.note(new SessionEvent(Type.BUFFER_STATE_CHANGED, 5));
        assertTrue(pending.takeBufferList());
        assertEquals(Set.of(5L), pending.takeContent());
    }
}
