package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AWTEvent;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.PaintEvent;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The Swing window on a real display (Xvfb in CI): it opens titled "Switchboard", shows a live channel, and
 * closing it shuts the client down cleanly with a QUIT.
 */
class SwingWindowIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path work;

    @Test
    void windowShowsTheChannelAndClosingItQuits() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#window");
            peer.send("TOPIC #window :Testing the \u0002Switchboard\u0002 window <b>not html</b>");
            ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "uitest",
                    "irc://127.0.0.1:" + server.port() + "/#window");
            try {
                String network = client.awaitConnected();
                peer.awaitJoin("uitest", "#window");
                peer.privmsg("#window", "\u000304red\u0003 and \u0002bold\u0002 text, <html><b>never HTML</b>");
                peer.privmsg("#window", "\u0001ACTION waves\u0001");
                client.awaitLine(network, "#window", line -> line.contains("waves"), "the ACTION");

                ClientRuntime.await("a visible window titled Switchboard", () -> mainWindow().isPresent());
                Frame frame = mainWindow().orElseThrow();
                // After the autojoin the channel, not the server buffer, is on screen.
                ClientRuntime.await("the joined channel to be the selected buffer",
                        () -> selectedTreeRow(frame).contains("#window"));
                Thread.sleep(500); // let the coalescing timer paint what arrived
                Files.createDirectories(SCREENSHOTS);
                BufferedImage image = new Robot().createScreenCapture(onEventThread(frame::getBounds));
                ImageIO.write(image, "png", SCREENSHOTS.resolve("main-window.png").toFile());
                assertTrue(image.getWidth() > 300 && image.getHeight() > 200, "window size " + image.getWidth());

                SwingUtilities.invokeLater(() -> frame.dispatchEvent(new WindowEvent(frame, WindowEvent.WINDOW_CLOSING)));
                peer.awaitLine(line -> line.startsWith(":uitest!") && line.contains(" QUIT"));
                ClientRuntime.await("the framework to stop after the window closed", client::frameworkStopped);
                ClientRuntime.await("the window to be disposed", () -> mainWindow().isEmpty());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void headlessModeOpensNoWindow() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            client.service(ClientRuntime.SESSION, null);
            assertTrue(client.bundle("org.switchboard.ui.swing").getState() != Bundle.ACTIVE);
            Thread.sleep(500);
            assertTrue(mainWindow().isEmpty(), "a window opened in headless mode");
        }
    }

    /**
     * Connections, features, FileInstall and the shell start only once the window is on screen, so that they do
     * not compete with it for the CPU; once start() has returned, they run.
     */
    @Test
    void laterBundlesStartOnlyAfterTheWindowIsPainted() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        List<String> later = List.of("org.switchboard.connection", "org.switchboard.feature.join",
                "org.apache.felix.fileinstall");
        Map<String, Integer> statesAtFirstPaint = new ConcurrentHashMap<>();
        AWTEventListener firstPaint = event -> {
            if (event.getID() == PaintEvent.PAINT && event.getSource() instanceof Frame frame
                    && frame.getTitle().contains("Switchboard") && statesAtFirstPaint.isEmpty()) {
                BundleContext context = bundleOf(frame).getBundleContext();
                for (Bundle bundle : context.getBundles()) {
                    if (later.contains(bundle.getSymbolicName())) {
                        statesAtFirstPaint.put(bundle.getSymbolicName(), bundle.getState());
                    }
                }
            }
        };
        Toolkit.getDefaultToolkit().addAWTEventListener(firstPaint, AWTEvent.PAINT_EVENT_MASK);
        ClientRuntime client = null;
        try {
            client = ClientRuntime.start(work, List.of());
            ClientRuntime.await("the window's first paint", () -> !statesAtFirstPaint.isEmpty());
            assertEquals(later.size(), statesAtFirstPaint.size(), "bundle states seen at the first paint: "
                    + statesAtFirstPaint);
            statesAtFirstPaint.forEach((name, state) -> assertTrue(state != Bundle.ACTIVE && state != Bundle.STARTING,
                    name + " was already started (state " + state + ") when the window was first painted"));
            for (String name : later) {
                assertEquals(Bundle.ACTIVE, client.bundle(name).getState(), name + " after start() returned");
            }
        } finally {
            Toolkit.getDefaultToolkit().removeAWTEventListener(firstPaint);
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * The launcher shows the main frame before the framework has started (bin/switchboard does, from its UI
     * warm-up); the Swing UI moves into that frame instead of opening a second window, and the launcher notices
     * that the UI painted into it (a frame already on screen gets no paint event from the toolkit), so the bundles
     * the window does not need start then rather than after the wait for a first paint runs out.
     */
    @Test
    void theLaunchersStartupFrameBecomesTheMainWindow() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "this test needs a display: run the build under xvfb-run");
        Frame[] early = new Frame[1];
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), runtime -> {
            runtime.showStartupFrame(() -> { });
            early[0] = mainWindow().orElseThrow(() -> new AssertionError("no startup frame on screen"));
            assertEquals(null, bundleOf(early[0]), "empty until the UI fills it");
        })) {
            assertTrue(client.runtime().firstWindowPainted(), "the filled frame counted as the first paint");
            ClientRuntime.await("the Swing window's buffer tree in the startup frame", () -> {
                try {
                    return onEventThread(() -> findTree(early[0]) != null);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(early[0].isShowing(), "still the window on screen");
            assertEquals(1, Arrays.stream(Frame.getFrames()).filter(f -> f.isShowing()
                    && f.getTitle().contains("Switchboard")).count(), "one window, not two");
        }
    }

    /** The bundle of the UI that built the frame: the first component whose class a bundle loaded. */
    private static Bundle bundleOf(java.awt.Container container) {
        for (java.awt.Component child : container.getComponents()) {
            Bundle bundle = FrameworkUtil.getBundle(child.getClass());
            if (bundle == null && child instanceof java.awt.Container inner) {
                bundle = bundleOf(inner);
            }
            if (bundle != null) {
                return bundle;
            }
        }
        return null;
    }

    /** The text of the selected row of the window's buffer tree, read on the event thread. */
    private static String selectedTreeRow(Frame frame) {
        String[] row = {""};
        try {
            SwingUtilities.invokeAndWait(() -> {
                javax.swing.JTree tree = findTree(frame);
                if (tree != null && tree.getSelectionPath() != null
                        && tree.getSelectionPath().getLastPathComponent() instanceof javax.swing.tree.DefaultMutableTreeNode node
                        && node.getUserObject() != null && !(node.getUserObject() instanceof String)) {
                    // The tree holds the session's Buffer objects.
                    row[0] = String.valueOf(ClientRuntime.get(node.getUserObject(), "name"));
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return row[0];
    }

    private static javax.swing.JTree findTree(java.awt.Container container) {
        for (java.awt.Component child : container.getComponents()) {
            if (child instanceof javax.swing.JTree tree) {
                return tree;
            }
            if (child instanceof java.awt.Container inner) {
                javax.swing.JTree found = findTree(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Optional<Frame> mainWindow() {
        return Arrays.stream(Frame.getFrames())
                .filter(f -> f.isDisplayable() && f.isVisible() && f.getTitle().contains("Switchboard")).findFirst();
    }

    private static <T> T onEventThread(java.util.function.Supplier<T> supplier) throws Exception {
        List<T> result = new java.util.ArrayList<>(1);
        SwingUtilities.invokeAndWait(() -> result.add(supplier.get()));
        return result.get(0);
    }
}
