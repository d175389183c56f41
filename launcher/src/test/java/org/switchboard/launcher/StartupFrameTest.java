package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's early main frame, on screen: these need a display (CI runs the build under xvfb-run). */
class StartupFrameTest {

    @TempDir
    Path dir;
    private final CountDownLatch closed = new CountDownLatch(1);
    private StartupFrame startupFrame;

    @BeforeEach
    void needsADisplay() {
        assertFalse(GraphicsEnvironment.isHeadless(), "a window needs a display; run the build under xvfb-run");
    }

    @AfterEach
    void disposeWhatIsLeft() throws Exception {
        SwingUtilities.invokeAndWait(() -> Arrays.stream(Frame.getFrames()).forEach(Frame::dispose));
    }

    @Test
    void theFrameOpensWhereTheWindowWasLeftAndIsTakenOnce() throws Exception {
        Path state = dir.resolve("ui/window.properties");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "x=40\ny=30\nwidth=900\nheight=640\nmaximized=false\n");
        startupFrame = new StartupFrame(state, closed::countDown);
        AtomicReference<JFrame> taken = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            startupFrame.show();
            JFrame shown = (JFrame) Arrays.stream(Frame.getFrames()).filter(Frame::isShowing).findFirst().orElseThrow();
            assertEquals("Switchboard", shown.getTitle());
            assertEquals(900, shown.getWidth());
            assertEquals(640, shown.getHeight());
            assertTrue(startupFrame.isUnclaimed(shown));
            taken.set(startupFrame.get());
            assertSame(shown, taken.get());
            assertFalse(startupFrame.isUnclaimed(shown), "claimed");
            assertNull(startupFrame.get(), "only the first claim gets it");
            assertEquals(WindowConstants.HIDE_ON_CLOSE, shown.getDefaultCloseOperation());
            // Closing it is now the UI's business, not the launcher's.
            shown.dispatchEvent(new WindowEvent(shown, WindowEvent.WINDOW_CLOSING));
        });
        assertFalse(closed.await(300, TimeUnit.MILLISECONDS), "the launcher did not stop the client");
        startupFrame.disposeIfUnclaimed();
        SwingUtilities.invokeAndWait(() -> assertTrue(taken.get().isDisplayable(), "a claimed frame stays"));
    }

    @Test
    void aClaimBeforeTheFrameExistsMeansNoFrame() throws Exception {
        startupFrame = new StartupFrame(dir.resolve("missing.properties"), closed::countDown);
        SwingUtilities.invokeAndWait(() -> {
            assertNull(startupFrame.get());
            startupFrame.show();
            assertEquals(0, Arrays.stream(Frame.getFrames()).filter(Frame::isDisplayable).count(),
                    "the UI already made its own window");
        });
        assertThrows(IllegalStateException.class, startupFrame::get, "off the event thread");
    }

    @Test
    void anUnclaimedFrameIsDisposedAndClosingItStopsTheClient() throws Exception {
        startupFrame = new StartupFrame(dir.resolve("missing.properties"), closed::countDown);
        AtomicReference<JFrame> shown = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            startupFrame.show();
            shown.set((JFrame) Arrays.stream(Frame.getFrames()).filter(Frame::isShowing).findFirst().orElseThrow());
            assertEquals(1100, shown.get().getWidth(), "the default size without a window state");
            shown.get().dispatchEvent(new WindowEvent(shown.get(), WindowEvent.WINDOW_CLOSING));
        });
        assertTrue(closed.await(5, TimeUnit.SECONDS), "closing the frame asked the client to stop");
        startupFrame.disposeIfUnclaimed();
        SwingUtilities.invokeAndWait(() -> {
            assertNotNull(shown.get());
            assertFalse(shown.get().isDisplayable(), "disposed");
            assertNull(startupFrame.get());
        });
    }

    @Test
    void aFrameWithdrawnBeforeTheWarmUpGotToItIsNeverShown() throws Exception {
        startupFrame = new StartupFrame(dir.resolve("missing.properties"), closed::countDown);
        startupFrame.disposeIfUnclaimed();
        SwingUtilities.invokeAndWait(() -> {
            startupFrame.show();
            assertEquals(0, Arrays.stream(Frame.getFrames()).filter(Frame::isDisplayable).count());
        });
    }
}
