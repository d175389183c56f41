package org.switchboard.launcher;

import java.awt.AWTError;
import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.AWTEventListener;
import java.awt.event.PaintEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Notices when the first window of the process has been painted, whoever made it: the launcher does not know
 * the UI bundle, and need not, so any skin (or a second one after a swap) works. Used to start the bundles the
 * window does not need only once it is on screen, so that they do not compete with it for the CPU.
 *
 * <p>A window's paint event is queued behind the repaint Swing schedules when the window is exposed (paint
 * events have the event queue's lowest priority), so when it arrives the window's contents are drawn; the task
 * queued from here runs once that event has been handled too.
 */
final class FirstWindowPaint implements AWTEventListener {

    private final Toolkit toolkit;
    private final Predicate<Window> notYetTheUi;
    private final CountDownLatch painted = new CountDownLatch(1);

    private FirstWindowPaint(Toolkit toolkit, Predicate<Window> notYetTheUi) {
        this.toolkit = toolkit;
        this.notYetTheUi = notYetTheUi;
    }

    /**
     * Starts watching, or returns empty where there is no display. {@code notYetTheUi}: windows whose paint does not
     * count (the launcher's own startup frame until a UI takes it); asked on the event thread.
     */
    static Optional<FirstWindowPaint> watch(Predicate<Window> notYetTheUi) {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty();
        }
        try {
            Toolkit toolkit = Toolkit.getDefaultToolkit();
            FirstWindowPaint watcher = new FirstWindowPaint(toolkit, notYetTheUi);
            toolkit.addAWTEventListener(watcher, AWTEvent.PAINT_EVENT_MASK);
            return Optional.of(watcher);
        } catch (AWTError | RuntimeException | LinkageError e) {
            // No usable display after all (the toolkit class fails to initialise then): nothing to wait for.
            return Optional.empty();
        }
    }

    @Override
    public void eventDispatched(AWTEvent event) {
        if (event.getID() == PaintEvent.PAINT && event.getSource() instanceof Window window && painted.getCount() > 0
                && !notYetTheUi.test(window)) {
            EventQueue.invokeLater(painted::countDown);
        }
    }

    /**
     * Counts as the first paint: for a frame that was already on screen when the UI filled it, Swing paints the new
     * contents itself and the toolkit sends no paint event.
     */
    void painted() {
        painted.countDown();
    }

    /** Waits until a window has been painted, or the timeout passed; stops watching either way. */
    boolean await(Duration timeout) throws InterruptedException {
        try {
            return painted.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            toolkit.removeAWTEventListener(this);
        }
    }
}
