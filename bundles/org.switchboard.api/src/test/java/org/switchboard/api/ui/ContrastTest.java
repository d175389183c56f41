package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

class ContrastTest {

    private static final Color DARK_BACKGROUND = new Color(0x1E1F22);
    private static final Color DARK_TEXT = new Color(0xDFE1E5);
    private static final Color NAVY = new Color(0x00007F);
    private static final Color YELLOW = new Color(0xFFFF00);

    @Test
    void theRatioRunsFromOneToTwentyOne() {
        assertEquals(21.0, Contrast.ratio(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, Contrast.ratio(NAVY, NAVY), 1e-9);
        assertEquals(Contrast.ratio(NAVY, Color.WHITE), Contrast.ratio(Color.WHITE, NAVY), 1e-12);
    }

    @Test
    void navyOnADarkThemeIsLightenedJustEnoughAndStaysBlue() {
        assertTrue(Contrast.ratio(NAVY, DARK_BACKGROUND) < Contrast.MINIMUM_RATIO);
        Color readable = Contrast.readable(NAVY, DARK_BACKGROUND, DARK_TEXT);
        assertTrue(Contrast.ratio(readable, DARK_BACKGROUND) >= Contrast.MINIMUM_RATIO);
        assertTrue(readable.getBlue() > readable.getRed() && readable.getBlue() > readable.getGreen(), readable.toString());
        assertNotEquals(DARK_TEXT, readable, "a mix, not the theme's text colour");
    }

    @Test
    void yellowOnWhiteIsDarkenedAndReadableColoursAreKept() {
        Color readable = Contrast.readable(YELLOW, Color.WHITE, Color.BLACK);
        assertTrue(Contrast.ratio(readable, Color.WHITE) >= Contrast.MINIMUM_RATIO);
        assertTrue(readable.getRed() == readable.getGreen() && readable.getBlue() == 0, readable.toString());
        Color red = new Color(0xFF0000);
        assertSame(red, Contrast.readable(red, DARK_BACKGROUND, DARK_TEXT));
        assertSame(NAVY, Contrast.readable(NAVY, Color.WHITE, Color.BLACK));
    }

    @Test
    void theColourThatStandsOutIsBlackOnLightAndWhiteOnDark() {
        assertEquals(Color.BLACK, Contrast.standOutOn(Color.WHITE));
        assertEquals(Color.BLACK, Contrast.standOutOn(YELLOW));
        assertEquals(Color.WHITE, Contrast.standOutOn(NAVY));
        // Light text on a white background the sender chose becomes dark.
        Color text = Contrast.readable(DARK_TEXT, Color.WHITE, Contrast.standOutOn(Color.WHITE));
        assertTrue(Contrast.ratio(text, Color.WHITE) >= Contrast.MINIMUM_RATIO);
    }
}
