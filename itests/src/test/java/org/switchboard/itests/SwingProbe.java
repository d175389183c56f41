package org.switchboard.itests;

import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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
