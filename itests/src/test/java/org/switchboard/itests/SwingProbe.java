package org.switchboard.itests;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;

/** Reads the client's windows from a test, always on the event thread. */
final class SwingProbe {

    private SwingProbe() {
    }

    /** Runs {@code read} on the event thread and returns its result. */
    static <T> T onEventThread(Callable<T> read) {
        List<T> result = new ArrayList<>(1);
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.add(read.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the window", e);
        } catch (InvocationTargetException e) {
            throw new AssertionError("reading the window failed", e.getCause());
        }
        return result.get(0);
    }

    /** The visible main window of whichever skin runs; call on the event thread. */
    static Optional<Frame> mainFrame() {
        return Arrays.stream(Frame.getFrames())
                .filter(f -> f.isDisplayable() && f.isVisible() && f.getTitle().contains("Switchboard")).findFirst();
    }

    /** A visible window (a dialog) by component name; call on the event thread. */
    static Optional<Window> window(String name) {
        return Arrays.stream(Window.getWindows())
                .filter(w -> w.isDisplayable() && w.isVisible() && name.equals(w.getName())).findFirst();
    }

    /** The component of that name: {@code root} itself or the first under it, or null; call on the event thread. */
    static Component find(Container root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        for (Component child : root.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof Container container) {
                Component found = find(container, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** "Menu/Item" for every visible item of the frame's menu bar; call on the event thread. */
    static List<String> menuItems(Frame frame) {
        List<String> items = new ArrayList<>();
        JMenuBar bar = frame instanceof JFrame swing ? swing.getJMenuBar() : null;
        for (int i = 0; bar != null && i < bar.getMenuCount(); i++) {
            JMenu menu = bar.getMenu(i);
            for (int j = 0; j < menu.getItemCount(); j++) {
                JMenuItem item = menu.getItem(j);
                if (item != null && item.isVisible()) {
                    items.add(menu.getText() + "/" + item.getText());
                }
            }
        }
        return items;
    }
}
