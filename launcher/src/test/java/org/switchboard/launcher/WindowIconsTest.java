package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.util.List;

import javax.swing.JFrame;

import org.junit.jupiter.api.Test;

/** Needs a display (the build runs under Xvfb). */
class WindowIconsTest {

    @Test
    void framesOpenedWithoutAnIconGetOursAndOwnIconsStay() throws Exception {
        WindowIcons.install();
        Image own = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        JFrame[] frames = new JFrame[2];
        EventQueue.invokeAndWait(() -> {
            frames[0] = new JFrame("plain");
            frames[1] = new JFrame("with its own icon");
            frames[1].setIconImage(own);
            for (JFrame frame : frames) {
                frame.setSize(200, 100);
                frame.setVisible(true);
            }
        });
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (frames[0].getIconImages().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(WindowIcons.SIZES.length, frames[0].getIconImages().size());
            assertSame(WindowIcons.images().get(0), frames[0].getIconImages().get(0));
            assertEquals(List.of(own), frames[1].getIconImages(), "a skin's own icon is kept");
        } finally {
            EventQueue.invokeAndWait(() -> {
                for (JFrame frame : frames) {
                    frame.dispose();
                }
            });
        }
    }

    @Test
    void theWindowsAreNamedSwitchboardForTheWindowManager() throws Exception {
        java.awt.Toolkit toolkit = java.awt.Toolkit.getDefaultToolkit();
        WindowIcons.nameApplication(toolkit);
        java.lang.reflect.Field name = toolkit.getClass().getDeclaredField("awtAppClassName");
        name.setAccessible(true);
        assertEquals("Switchboard", name.get(null), "WM_CLASS, which docks group windows by");
    }

    @Test
    void everySizeIsTheBlueTileWithItsLines() {
        for (int size : WindowIcons.SIZES) {
            BufferedImage icon = WindowIcons.draw(size);
            assertEquals(size, icon.getWidth());
            assertTrue((icon.getRGB(0, 0) >>> 24) < 64, size + ": the corner is rounded off, (nearly) transparent");
            int middle = size / 2;
            assertEquals(new Color(0x1565C0).getRGB(), icon.getRGB(middle, size / 5), size + ": blue tile");
            assertNotEquals(new Color(0x1565C0).getRGB(), icon.getRGB(middle, Math.round(size * 0.36f)),
                    size + ": a line across it");
        }
    }
}
