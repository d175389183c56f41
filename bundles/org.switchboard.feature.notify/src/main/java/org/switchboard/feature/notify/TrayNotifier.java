package org.switchboard.feature.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * Notices as system tray messages (AWT {@link SystemTray}). The icon is added with the first notice, not at start,
 * so a client that never gets a highlight never loads the tray. Where there is no tray (a desktop without a
 * notification area, Xvfb) a notice is dropped, with one log line the first time, and the next notice looks again:
 * a panel that starts after the client (a desktop session's autostart) still gets the icon. A headless client, or
 * a tray that refused the icon, drops notices for good. A click on the icon or on its message leads to the newest
 * notice's line. Everything AWT happens on the event thread.
 */
final class TrayNotifier implements DesktopNotifier {

    private static final System.Logger LOG = System.getLogger(TrayNotifier.class.getName());

    private final Consumer<Notice> clicked;
    /** Event thread only, as the three below. */
    private TrayIcon icon;
    private Notice shown;
    private boolean unavailable;
    private boolean absenceLogged;

    TrayNotifier(Consumer<Notice> clicked) {
        this.clicked = clicked;
    }

    @Override
    public void show(Notice notice) {
        EventQueue.invokeLater(() -> display(notice));
    }

    private void display(Notice notice) {
        if (unavailable) {
            return;
        }
        try {
            if (icon == null) {
                if (GraphicsEnvironment.isHeadless()) {
                    unavailable = true;
                    return;
                }
                if (!SystemTray.isSupported()) {
                    if (!absenceLogged) {
                        absenceLogged = true;
                        LOG.log(System.Logger.Level.INFO, "No system tray here (yet): highlight notifications are "
                                + "shown once a notification area appears");
                    }
                    return;
                }
                TrayIcon created = new TrayIcon(image(), "Switchboard");
                created.setImageAutoSize(true);
                created.addActionListener(e -> {
                    if (shown != null) {
                        clicked.accept(shown);
                    }
                });
                SystemTray.getSystemTray().add(created);
                icon = created;
            }
            shown = notice;
            icon.setToolTip("Switchboard \u2014 " + notice.title());
            // AWT shows these strings as plain text; they were made plain (and short) by the notifier.
            icon.displayMessage(notice.title(), notice.text(), TrayIcon.MessageType.INFO);
        } catch (AWTException | RuntimeException e) {
            unavailable = true;
            LOG.log(System.Logger.Level.INFO, "The system tray refused the notification icon: " + e);
        }
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
            shown = null;
        });
    }

    private static BufferedImage image() {
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
}
