package org.switchboard.ui.swing.window;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

import javax.swing.JFrame;

import org.switchboard.ui.swing.text.SafeText;

/**
 * Tells the user about a highlight while they look elsewhere: the window asks for attention where the platform
 * supports it, and a desktop notification (system tray message) shows the line; clicking it leads to the
 * buffer. Event thread only.
 */
final class Attention {

    private static final System.Logger LOG = System.getLogger(Attention.class.getName());

    private final JFrame frame;
    private TrayIcon tray;
    private Runnable lastTarget = () -> { };

    Attention(JFrame frame) {
        this.frame = frame;
    }

    void highlight(String title, String text, Runnable goThere) {
        lastTarget = goThere;
        try {
            if (Taskbar.isTaskbarSupported()
                    && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION_WINDOW)) {
                Taskbar.getTaskbar().requestWindowUserAttention(frame);
            }
            if (SystemTray.isSupported()) {
                if (tray == null) {
                    tray = new TrayIcon(icon(), "Switchboard");
                    tray.setImageAutoSize(true);
                    tray.addActionListener(e -> {
                        frame.toFront();
                        lastTarget.run();
                    });
                    SystemTray.getSystemTray().add(tray);
                }
                tray.displayMessage(SafeText.display(title), SafeText.display(text), TrayIcon.MessageType.INFO);
            }
        } catch (Exception | Error e) {
            // Desktop integration differs by platform; a missing feature must not break the chat.
            LOG.log(System.Logger.Level.DEBUG, "No desktop notification: " + e);
        }
    }

    private static BufferedImage icon() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1565C0));
        g.fillRoundRect(0, 0, 16, 16, 5, 5);
        g.setColor(Color.WHITE);
        g.fillRect(4, 5, 8, 2);
        g.fillRect(4, 9, 8, 2);
        g.dispose();
        return image;
    }

    void dispose() {
        if (tray != null) {
            SystemTray.getSystemTray().remove(tray);
            tray = null;
        }
    }
}
