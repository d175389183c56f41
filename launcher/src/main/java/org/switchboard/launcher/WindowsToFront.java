package org.switchboard.launcher;

import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Window;

/**
 * Brings this process's windows to the front for a second start on the profile ({@link InstanceDoor}). The
 * launcher does it rather than the skin, so that it works for every skin, a plugin skin included, without an API
 * of its own: the windows of every bundle are the process's AWT windows.
 */
final class WindowsToFront {

    private WindowsToFront() {
    }

    /** Asks the event thread to de-iconify and raise every visible frame; returns at once. */
    static boolean raise() {
        EventQueue.invokeLater(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof Frame frame && frame.isVisible()) {
                    int state = frame.getExtendedState();
                    if ((state & Frame.ICONIFIED) != 0) {
                        frame.setExtendedState(state & ~Frame.ICONIFIED);
                    }
                    // A window manager may keep the focus where it is and only mark the window as wanting it.
                    frame.toFront();
                    frame.requestFocus();
                }
            }
        });
        return true;
    }
}
