package org.switchboard.ui.swing.window;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The window's size, position and splitter positions, kept in a small properties file in the profile so that the
 * window comes back as the user left it. A missing or damaged file gives the defaults.
 */
public final class WindowState {

    private static final System.Logger LOG = System.getLogger(WindowState.class.getName());

    private Rectangle bounds = new Rectangle(-1, -1, 1100, 700);
    private boolean maximized;
    private int treeWidth = 180;
    static final int DEFAULT_NICK_LIST_WIDTH = 170;

    private int nickListWidth = DEFAULT_NICK_LIST_WIDTH;

    public static WindowState load(Path file) {
        WindowState state = new WindowState();
        if (file == null || !Files.isRegularFile(file)) {
            return state;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            state.bounds = new Rectangle(number(p, "x", -1), number(p, "y", -1), Math.max(400, number(p, "width", 1100)),
                    Math.max(300, number(p, "height", 700)));
            state.maximized = Boolean.parseBoolean(p.getProperty("maximized", "false"));
            state.treeWidth = Math.max(60, number(p, "treeWidth", 180));
            state.nickListWidth = Math.max(60, number(p, "nickListWidth", DEFAULT_NICK_LIST_WIDTH));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable window state " + file + ": " + e);
        }
        return state;
    }

    private static int number(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, String.valueOf(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void save(Path file) {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("x", String.valueOf(bounds.x));
        p.setProperty("y", String.valueOf(bounds.y));
        p.setProperty("width", String.valueOf(bounds.width));
        p.setProperty("height", String.valueOf(bounds.height));
        p.setProperty("maximized", String.valueOf(maximized));
        p.setProperty("treeWidth", String.valueOf(treeWidth));
        p.setProperty("nickListWidth", String.valueOf(nickListWidth));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "Switchboard window state");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the window state to " + file + ": " + e);
        }
    }

    public Rectangle bounds() {
        return new Rectangle(bounds);
    }

    public boolean maximized() {
        return maximized;
    }

    public int treeWidth() {
        return treeWidth;
    }

    public int nickListWidth() {
        return nickListWidth;
    }

    public void update(Rectangle newBounds, boolean isMaximized, int newTreeWidth, int newNickListWidth) {
        if (!isMaximized) {
            bounds = new Rectangle(newBounds);
        }
        maximized = isMaximized;
        treeWidth = newTreeWidth;
        nickListWidth = newNickListWidth;
    }
}
