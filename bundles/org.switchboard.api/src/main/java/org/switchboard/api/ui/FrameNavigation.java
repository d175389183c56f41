package org.switchboard.api.ui;

import java.awt.Frame;
import java.awt.EventQueue;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

import org.switchboard.api.session.Buffer;

/**
 * {@link UiNavigation} over a skin's main frame, for a skin to offer as its service: it follows the frame's
 * keyboard focus and brings the frame to the front before the skin shows the line. Before {@link #attach} and after
 * {@link #detach} there is no window: {@link #show} does nothing, no buffer has the focus and the context has no
 * window.
 */
public final class FrameNavigation implements UiNavigation {

    /** What the skin's window does for navigation. Called on the event thread, except {@link #current}. */
    public interface Host {
        Frame frame();

        /** The buffer on display, or null; safe from any thread. */
        Buffer current();

        /** Shows the buffer with the line (a sequence number) in view and selected, or its end. */
        void reveal(long bufferId, long line);
    }

    private volatile Host host;
    private volatile boolean focused;
    private final WindowAdapter focus = new WindowAdapter() {
        @Override
        public void windowGainedFocus(WindowEvent e) {
            focused = true;
        }

        @Override
        public void windowLostFocus(WindowEvent e) {
            focused = false;
        }
    };

    /** The window is open; on the event thread. */
    public void attach(Host opened) {
        opened.frame().addWindowFocusListener(focus);
        focused = opened.frame().isFocused();
        host = opened;
    }

    /** The window is going; on the event thread. */
    public void detach() {
        Host closing = host;
        host = null;
        focused = false;
        if (closing != null) {
            closing.frame().removeWindowFocusListener(focus);
        }
    }

    @Override
    public void show(long bufferId, long line) {
        EventQueue.invokeLater(() -> {
            Host shown = host;
            if (shown == null) {
                return;
            }
            Frame frame = shown.frame();
            if ((frame.getExtendedState() & Frame.ICONIFIED) != 0) {
                frame.setExtendedState(frame.getExtendedState() & ~Frame.ICONIFIED);
            }
            frame.toFront();
            frame.requestFocus();
            shown.reveal(bufferId, line);
        });
    }

    @Override
    public long focusedBuffer() {
        Host shown = host;
        Buffer buffer = shown == null || !focused ? null : shown.current();
        return buffer == null ? -1 : buffer.id();
    }

    @Override
    public UiContext context() {
        Host shown = host;
        return shown == null ? UiContext.of(null, null) : UiContext.of(shown.frame(), shown.current());
    }
}
