package org.switchboard.api.ui;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The running skin's window, as features may use it: show a buffer (a notification's click leads to the message),
 * ask which buffer the user is looking at, open dialogs over the window. A skin registers this service while it
 * runs and withdraws it before its window goes; a feature that needs a window references it optionally and
 * dynamically, and copes with there being none (a headless client runs no skin).
 */
@ProviderType
public interface UiNavigation {

    /**
     * Brings the window to the front and shows the buffer with {@code line} (a sequence number, see
     * {@link org.switchboard.api.session.Buffer#lines}) in view and marked; a line no longer held, or a negative
     * one, shows the end of the buffer. Safe from any thread; returns at once.
     */
    void show(long bufferId, long line);

    /**
     * The id of the buffer the user is looking at: the one on display while the window has the keyboard focus, or
     * -1 while the window is in the background, minimised or not open yet. Safe from any thread.
     */
    long focusedBuffer();

    /** Where the user is now, for opening dialogs outside a menu action; event thread only. */
    UiContext context();
}
