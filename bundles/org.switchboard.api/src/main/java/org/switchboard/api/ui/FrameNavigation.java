package org.switchboard.api.ui;

import java.awt.Frame;
import java.awt.EventQueue;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.switchboard.api.session.Buffer;

/**
 * {@link UiNavigation} over a skin's main frame: it follows the frame's keyboard focus and brings the frame to the
 * front before the skin shows the line. Before {@link #attach} and after {@link #detach} there is no window:
 * {@link #show} does nothing, no buffer has the focus and the context has no window.
 *
 * <p>The skin {@link #offer}s it as the {@code UiNavigation} service once its window is open and {@link #close}s it
 * when it deactivates. It is registered by hand rather than declared as a service of the skin's component: the
 * features that use it also contribute to the skin's menus, and as a component service SCR would see a cycle
 * (skin → contribution → navigation → skin) at every skin start and keep a record of it for good.
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
    // guarded by this
    private ServiceRegistration<UiNavigation> registration;
    private boolean closed;
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

    /**
     * Registers this as the {@code UiNavigation} service of the skin's bundle, unless it is offered already or
     * closed. Call it off the event thread: the features' bindings run on the calling thread.
     */
    public synchronized void offer(BundleContext context) {
        if (!closed && registration == null) {
            registration = context.registerService(UiNavigation.class, this, null);
        }
    }

    /** Withdraws the service for good (the skin is stopping); a later {@link #offer} does nothing. */
    public synchronized void close() {
        closed = true;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first, which unregisters its services
            }
            registration = null;
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
