package org.switchboard.ui.swing.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.ui.swing.window.Themes;

class ChatWarmUpTest {

    @Test
    void theWarmUpReallyDrawsLinesInEitherTheme() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(), "fonts need a display here; run the build under xvfb-run");
        for (boolean dark : new boolean[] { false, true }) {
            BufferedImage[] image = new BufferedImage[1];
            SwingUtilities.invokeAndWait(() -> {
                Themes.apply(dark);
                image[0] = ChatWarmUp.paintNow(new IrcProtocolComponent(), dark, 3);
            });
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image[0].getHeight(); y += 3) {
                for (int x = 0; x < image[0].getWidth(); x += 3) {
                    colours.add(image[0].getRGB(x, y));
                }
            }
            // Background, text in several colours, antialiasing: a blank or failed paint has one or two.
            assertTrue(colours.size() > 20, (dark ? "dark" : "light") + ": " + colours.size() + " colours");
        }
        SwingUtilities.invokeAndWait(() -> Themes.apply(false));
    }

    @Test
    void stoppingItStopsItsTimer() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            ChatWarmUp warmUp = ChatWarmUp.schedule(new IrcProtocolComponent(), false);
            assertTrue(warmUp.running(), "scheduled");
            warmUp.stop();
            assertFalse(warmUp.running(), "stopped with the window");
        });
    }
}
