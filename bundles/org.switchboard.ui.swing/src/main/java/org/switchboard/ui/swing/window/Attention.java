package org.switchboard.ui.swing.window;

import java.awt.Taskbar;

import javax.swing.JFrame;

/**
 * Tells the user about a highlight while they look elsewhere: the window asks for attention (a flashing taskbar
 * entry) where the platform supports it. Desktop notifications are not the skin's business: the
 * {@code org.switchboard.feature.notify} bundle shows them, whichever skin runs. Event thread only.
 */
final class Attention {

    private static final System.Logger LOG = System.getLogger(Attention.class.getName());

    private final JFrame frame;

    Attention(JFrame frame) {
        this.frame = frame;
    }

    void request() {
        try {
            if (Taskbar.isTaskbarSupported()
                    && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
                Taskbar.getTaskbar().requestWindowUserAttention(frame);
            }
        } catch (RuntimeException e) {
            // Desktop integration differs by platform; a missing feature must not break the chat.
            LOG.log(System.Logger.Level.DEBUG, "No window attention: " + e);
        }
    }
}
