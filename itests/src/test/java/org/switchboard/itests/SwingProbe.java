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
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;

/**
 * Reads and drives the client's windows from a test: components found by name or type (the skins name the ones
 * tests need), everything done on the event thread.
 */
final class SwingProbe {

    private SwingProbe() {
    }

    /** Displayable, visible frames titled Switchboard. */
    static Stream<Frame> visibleFrames() {
        return Arrays.stream(Frame.getFrames())
                .filter(f -> f.isDisplayable() && f.isVisible() && f.getTitle().contains("Switchboard"));
    }

    /** The visible main window of whichever skin runs; call on the event thread. */
    static Optional<Frame> mainFrame() {
        return visibleFrames().findFirst();
    }

    /** A visible window (a dialog) by component name; call on the event thread. */
    static Optional<Window> window(String name) {
        return Arrays.stream(Window.getWindows())
                .filter(w -> w.isDisplayable() && w.isVisible() && name.equals(w.getName())).findFirst();
    }

    /** "Menu/Item" for every visible item of the frame's menu bar; call on the event thread. */
    static List<String> menuItems(Frame frame) {
        List<String> items = new ArrayList<>();
        forEachMenuItem(frame, (menu, item) -> items.add(menu.getText() + "/" + item.getText()));
        return items;
    }

    /** The visible item of the frame's menu bar with that text; call on the event thread. */
    static JMenuItem menuItem(Frame frame, String text) {
        List<JMenuItem> found = new ArrayList<>();
        forEachMenuItem(frame, (menu, item) -> {
            if (text.equals(item.getText())) {
                found.add(item);
            }
        });
        if (found.isEmpty()) {
            throw new AssertionError("no menu item " + text + " in " + menuItems(frame));
        }
        return found.get(0);
    }

    private static void forEachMenuItem(Frame frame, BiConsumer<JMenu, JMenuItem> action) {
        JMenuBar bar = frame instanceof JFrame swing ? swing.getJMenuBar() : null;
        for (int i = 0; bar != null && i < bar.getMenuCount(); i++) {
            JMenu menu = bar.getMenu(i);
            for (int j = 0; j < menu.getItemCount(); j++) {
                JMenuItem item = menu.getItem(j);
                if (item != null && item.isVisible()) {
                    action.accept(menu, item);
                }
            }
        }
    }

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

    static <T> T first(Container root, Class<T> type) {
        List<T> all = allOf(root, type);
        return all.isEmpty() ? null : all.get(0);
    }

    static <T> List<T> allOf(Container root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Component child : root.getComponents()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Container container) {
                found.addAll(allOf(container, type));
            }
        }
        return found;
    }

    /** Runs on the event thread (at once when already there) and hands back the result; a failure fails the test. */
    static <T> T onEventThread(Callable<T> task) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new AssertionError("reading the window failed", e);
            }
        }
        List<T> result = new ArrayList<>(1);
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.add(task.call());
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
}
