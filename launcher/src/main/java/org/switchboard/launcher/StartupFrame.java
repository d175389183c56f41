package org.switchboard.launcher;

import java.awt.AWTError;
import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.event.WindowListener;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The main window's frame, put on screen by the launcher while the framework is still booting, and handed to the
 * UI bundle, which fills it instead of opening a window of its own: the user sees the window where they left it as
 * soon as the display and the look and feel are up (about half of the time to a filled window), and no second
 * window replaces it. It is the same frame throughout, not a splash screen.
 *
 * <p>The UI bundle finds it as a {@link Supplier} service with the property {@value #SERVICE_PROPERTY}; the first
 * {@link #get()} takes the frame, later ones give null. Everything here runs on the event thread, so a claim
 * either finds the frame or stops it from being made. A frame nobody claims by the time every bundle has
 * started (another skin was chosen, the skin failed) is disposed by the launcher; closing it before that stops
 * the client, as closing the filled window would.
 */
final class StartupFrame implements Supplier<JFrame> {

    static final String SERVICE_PROPERTY = "switchboard.startup.frame";
    static final String TITLE = "Switchboard";
    /** FlatLaf's panel backgrounds, light and dark (shown before FlatLaf is installed, so no flash of another colour). */
    private static final java.awt.Color LIGHT_BACKGROUND = new java.awt.Color(0xF2F2F2);
    private static final java.awt.Color DARK_BACKGROUND = new java.awt.Color(0x3C3F41);

    private final Path windowStateFile;
    private final Runnable onClose;
    /** Event thread only. */
    private JFrame frame;
    private boolean claimAttempted;
    /** Set from any thread once the launcher no longer wants the frame shown (everything has started). */
    private volatile boolean withdrawn;
    private volatile Runnable whenFilled = () -> { };
    private final WindowListener closeListener = new WindowAdapter() {
        @Override
        public void windowClosing(WindowEvent e) {
            // The stop blocks until bundles have stopped, and they dispose windows on this thread.
            Thread stopper = new Thread(onClose, "switchboard-stop");
            stopper.start();
        }
    };

    /**
     * @param windowStateFile the default skin's window state (bounds, maximised), to open where it was left
     * @param onClose         stops the client when the user closes the frame before a UI took it
     */
    StartupFrame(Path windowStateFile, Runnable onClose) {
        this.windowStateFile = windowStateFile;
        this.onClose = onClose;
    }

    /** Puts the frame on screen, unless a UI already asked for it; event thread. */
    void show() {
        show(false);
    }

    /**
     * The same, painted in the background colour of the theme the UI will use ({@code dark}), so that the frame does
     * not change colour when the look and feel arrives.
     */
    void show(boolean dark) {
        if (claimAttempted || withdrawn || frame != null) {
            return;
        }
        JFrame shown = new JFrame(TITLE);
        shown.getContentPane().setBackground(dark ? DARK_BACKGROUND : LIGHT_BACKGROUND);
        shown.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        shown.addWindowListener(closeListener);
        Properties state = readState(windowStateFile);
        int width = Math.max(400, number(state, "width", 1100));
        int height = Math.max(300, number(state, "height", 700));
        int x = number(state, "x", -1);
        int y = number(state, "y", -1);
        shown.setSize(width, height);
        if (x >= 0 && y >= 0) {
            shown.setLocation(x, y);
        } else {
            shown.setLocationByPlatform(true);
        }
        if (Boolean.parseBoolean(state.getProperty("maximized", "false").strip())) {
            shown.setExtendedState(JFrame.MAXIMIZED_BOTH);
        }
        shown.setVisible(true);
        frame = shown;
    }

    /** Takes the frame, with the launcher's close handling removed; null if there is none (or no longer). */
    @Override
    public JFrame get() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("the startup frame is handed over on the event thread only");
        }
        claimAttempted = true;
        JFrame taken = frame;
        frame = null;
        if (taken != null) {
            taken.removeWindowListener(closeListener);
            taken.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
            // From now on the look and feel decides the colours (the UI may switch themes later).
            taken.getContentPane().setBackground(null);
            // The UI fills the frame in the task that claimed it, and its repaint is queued behind that task: the
            // second hop runs once the filled frame has been painted.
            Runnable filled = whenFilled;
            EventQueue.invokeLater(() -> EventQueue.invokeLater(filled));
        }
        return taken;
    }

    /** What to run once a UI has taken the frame and painted its contents into it (on the event thread). */
    void whenFilled(Runnable action) {
        whenFilled = action;
    }

    /** True for the frame while it waits to be claimed (its paint is not yet the UI's). Event thread. */
    boolean isUnclaimed(Window window) {
        return window != null && window == frame;
    }

    /**
     * Disposes the frame if nobody claimed it, and keeps one that was not shown yet from being shown; from any
     * thread. Without a usable display (the toolkit failed to start) there is nothing to dispose.
     */
    void disposeIfUnclaimed() {
        withdrawn = true;
        try {
            EventQueue.invokeLater(() -> {
                claimAttempted = true;
                if (frame != null) {
                    frame.removeWindowListener(closeListener);
                    frame.dispose();
                    frame = null;
                }
            });
        } catch (AWTError | LinkageError e) {
            // DISPLAY names a display that cannot be reached: the toolkit never started, so no frame exists.
        }
    }

    /** The window state file of the default skin in a profile, where {@code ui.swing} keeps it. */
    static Path windowStateFile(ProfileDirectories profile) {
        return profile.config().resolve("ui").resolve("window.properties");
    }

    private static Properties readState(Path file) {
        Properties state = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // The skin reports an unreadable state itself; the frame just opens at the default size.
                state.clear();
            }
        }
        return state;
    }

    private static int number(Properties state, String key, int fallback) {
        try {
            return Integer.parseInt(state.getProperty(key, Integer.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
