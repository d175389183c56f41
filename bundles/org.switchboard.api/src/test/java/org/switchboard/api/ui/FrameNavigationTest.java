package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;

import org.junit.jupiter.api.Test;

/** Without a window (before the skin's window opens, after it closed) navigation is harmless. */
class FrameNavigationTest {

    @Test
    void withoutAWindowNothingHasTheFocusAndShowingDoesNothing() throws Exception {
        FrameNavigation navigation = new FrameNavigation();
        assertEquals(-1, navigation.focusedBuffer());
        navigation.show(3, 7);
        EventQueue.invokeAndWait(() -> {
            UiContext context = navigation.context();
            assertNull(context.window());
            assertTrue(context.buffer().isEmpty());
            assertTrue(context.network().isEmpty());
        });
        navigation.detach();
        assertEquals(-1, navigation.focusedBuffer());
    }
}
