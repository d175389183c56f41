package org.switchboard.feature.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.EventQueue;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tray notifier against a real notification area: Debian's trayer on the build's display (the build runs
 * under Xvfb, see the README), which owns the X11 system tray selection as a desktop panel does.
 */
class TrayNotifierTest {

    private static final Path TRAYER = Path.of("/usr/bin/trayer");

    private final List<Notice> clicked = new ArrayList<>();
    private Process tray;

    private void startTray() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") == null) {
            fail("needs a display: run the build under xvfb-run, as the README says");
        }
        if (!Files.isExecutable(TRAYER)) {
            fail(TRAYER + " is not installed (apt-get install trayer): it is the notification area this test uses");
        }
        tray = new ProcessBuilder(TRAYER.toString(), "--edge", "top", "--align", "right", "--widthtype", "pixel",
                "--width", "64", "--heighttype", "pixel", "--height", "24")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await("the notification area", SystemTray::isSupported);
    }

    @AfterEach
    void stopTray() throws InterruptedException {
        if (tray != null) {
            tray.destroy();
            tray.waitFor(5, TimeUnit.SECONDS);
            // AWT notices that the tray went; the next test starts without one
            await("the notification area to go", () -> !SystemTray.isSupported());
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until what the notifier queued on the event thread has run. */
    private static void flushEvents() throws Exception {
        EventQueue.invokeAndWait(() -> { });
    }

    private static TrayIcon[] icons() throws Exception {
        TrayIcon[][] icons = new TrayIcon[1][];
        EventQueue.invokeAndWait(() -> icons[0] = SystemTray.getSystemTray().getTrayIcons());
        return icons[0];
    }

    @Test
    void theIconComesWithTheFirstNoticeAndGoesWithTheNotifier() throws Exception {
        startTray();
        TrayNotifier notifier = new TrayNotifier(clicked::add);
        assertEquals(0, icons().length, "nothing on the desktop before a highlight");
        notifier.show(new Notice("#java \u2014 libera", "alice: ping", 7, 41));
        notifier.show(new Notice("bob \u2014 libera", "are you there?", 9, 3));
        flushEvents();
        TrayIcon[] shown = icons();
        assertEquals(1, shown.length, "one icon for all notices");
        assertEquals("Switchboard \u2014 bob \u2014 libera", shown[0].getToolTip());

        // a click on the icon (or its message) leads to the newest notice
        for (var listener : shown[0].getActionListeners()) {
            listener.actionPerformed(new ActionEvent(shown[0], ActionEvent.ACTION_PERFORMED, ""));
        }
        assertEquals(List.of(new Notice("bob \u2014 libera", "are you there?", 9, 3)), clicked);

        notifier.close();
        flushEvents();
        assertEquals(0, icons().length, "the icon goes when the bundle stops");
    }

    @Test
    void aNotificationAreaThatAppearsLaterStillGetsTheNextNotice() throws Exception {
        TrayNotifier notifier = new TrayNotifier(clicked::add);
        try {
            assertFalse(SystemTray.isSupported(), "no notification area yet");
            notifier.show(new Notice("#a \u2014 net", "before the panel", 1, 1));
            flushEvents();

            startTray();
            notifier.show(new Notice("#a \u2014 net", "after the panel", 1, 2));
            flushEvents();
            assertEquals(1, icons().length, "the panel that started later has the icon");
        } finally {
            notifier.close();
            flushEvents();
        }
    }
}
