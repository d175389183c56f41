package org.switchboard.launcher;

import java.awt.AWTEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.event.WindowEvent;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Switchboard's icon for the taskbar, the window switcher and the title bar, instead of the JVM's default. The
 * launcher gives it to every frame of the process that opens without an icon of its own, so that any skin, a
 * plugin skin included, has it without an API for it; a skin that sets its own keeps that. Drawn here at the sizes
 * desktops ask for, so there is no image file to ship.
 */
final class WindowIcons {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final Color BACKGROUND = new Color(0x1565C0);
    private static final Color LINES = Color.WHITE;
    private static final Color PLUG = new Color(0xFFB300);

    private static volatile List<Image> images;

    private WindowIcons() {
    }

    /** The X11 WM_CLASS of the windows, which desktop entries name as {@code StartupWMClass}. */
    static final String APPLICATION_CLASS = "Switchboard";

    /**
     * Names the application's windows {@value #APPLICATION_CLASS} for the X11 window manager (WM_CLASS), which
     * docks and task bars group windows by and match against a desktop entry. AWT otherwise names them after the
     * class at the bottom of the stack that started the toolkit, here {@code java-lang-Thread}, the same for every
     * Java program that does that. There is no API for it: the toolkit's field is set, which the launcher jar's
     * {@code Add-Opens} allows; without it (another toolkit, another launch) the windows keep AWT's name. Call
     * after the toolkit has started and before the first window.
     */
    static void nameApplication(java.awt.Toolkit toolkit) {
        try {
            java.lang.reflect.Field name = toolkit.getClass().getDeclaredField("awtAppClassName");
            name.setAccessible(true);
            name.set(null, APPLICATION_CLASS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(WindowIcons.class.getName()).log(System.Logger.Level.DEBUG,
                    "Windows keep AWT's WM_CLASS: {0}", e.toString());
        }
    }

    /** From now on, frames that open without icons get Switchboard's. Call once there is a toolkit. */
    static void install() {
        Toolkit.getDefaultToolkit().addAWTEventListener(event -> {
            if (event.getID() == WindowEvent.WINDOW_OPENED && event.getSource() instanceof Frame frame
                    && frame.getIconImages().isEmpty()) {
                frame.setIconImages(images());
            }
        }, AWTEvent.WINDOW_EVENT_MASK);
    }

    /** The icon at every size in {@link #SIZES}, smallest first. */
    static List<Image> images() {
        List<Image> made = images;
        if (made == null) {
            List<Image> all = new ArrayList<>();
            for (int size : SIZES) {
                all.add(draw(size));
            }
            made = images = List.copyOf(all);
        }
        return made;
    }

    /** A blue tile with the lines of a switchboard and one plugged line: the same tile as the tray icon's. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double arc = size * 0.3;
            g.setColor(BACKGROUND);
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, arc, arc));
            float line = Math.max(1.5f, size / 9f);
            g.setStroke(new BasicStroke(line, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(LINES);
            int left = Math.round(size * 0.24f);
            int right = Math.round(size * 0.76f);
            int top = Math.round(size * 0.36f);
            int bottom = Math.round(size * 0.64f);
            g.drawLine(left, top, right, top);
            g.drawLine(left, bottom, Math.round(size * 0.56f), bottom);
            g.setColor(PLUG);
            int dot = Math.max(2, Math.round(size * 0.16f));
            g.fillOval(right - dot / 2, bottom - dot / 2, dot, dot);
        } finally {
            g.dispose();
        }
        return image;
    }
}
