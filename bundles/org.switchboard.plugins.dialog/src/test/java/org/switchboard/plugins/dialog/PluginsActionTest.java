package org.switchboard.plugins.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JFrame;

import org.junit.jupiter.api.Test;
import org.switchboard.api.ui.UiContext;

/** The action on a real display (Xvfb in CI): one dialog per skin window, none kept once its window is gone. */
class PluginsActionTest {

    private static <T> T onEventThread(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Lets the event queue run what is already in it (windowClosed comes through it after dispose). */
    private static void drain() throws Exception {
        for (int i = 0; i < 3; i++) {
            EventQueue.invokeAndWait(() -> { });
        }
    }

    private static JFrame skinWindow() {
        JFrame frame = new JFrame("skin");
        frame.setSize(300, 200);
        frame.setVisible(true);
        return frame;
    }

    @Test
    void oneDialogPerWindowAndNoneKeptOnceTheWindowIsGone() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        PluginsAction action = new PluginsAction();
        JFrame skin = onEventThread(PluginsActionTest::skinWindow);
        UiContext context = UiContext.of(skin, null);
        assertFalse(onEventThread(() -> action.enabled(UiContext.of(null, null))), "no window, nothing to open over");
        assertTrue(onEventThread(() -> action.enabled(context)));
        assertEquals("Plugins…", onEventThread(() -> action.label(context)));

        onEventThread(() -> {
            action.perform(context);
            action.perform(context);
            return null;
        });
        List<PluginsDialog> open = onEventThread(action::openDialogs);
        assertEquals(1, open.size(), "the second time brings the same dialog to the front");
        assertSame(skin, onEventThread(() -> open.get(0).getOwner()));
        assertTrue(onEventThread(() -> open.get(0).isShowing()));

        // The skin's window goes (a swap): the dialog goes with it and is not held on to.
        onEventThread(() -> {
            skin.dispose();
            return null;
        });
        drain();
        assertEquals(List.of(), onEventThread(action::openDialogs));
        assertFalse(onEventThread(() -> open.get(0).isDisplayable()));
    }

    @Test
    void stoppingTheBundleClosesItsDialogs() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        PluginsAction action = new PluginsAction();
        JFrame skin = onEventThread(PluginsActionTest::skinWindow);
        try {
            onEventThread(() -> {
                action.perform(UiContext.of(skin, null));
                return null;
            });
            PluginsDialog dialog = onEventThread(action::openDialogs).get(0);
            action.deactivate();
            drain();
            assertFalse(onEventThread(dialog::isDisplayable), "disposed with its bundle");
            assertEquals(List.of(), onEventThread(action::openDialogs));
            assertTrue(onEventThread(skin::isDisplayable), "the skin's window stays");
        } finally {
            onEventThread(() -> {
                skin.dispose();
                return null;
            });
        }
    }
}
