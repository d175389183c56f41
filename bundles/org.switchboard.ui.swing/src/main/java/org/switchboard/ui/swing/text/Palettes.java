package org.switchboard.ui.swing.text;

import java.awt.Color;

/** Colour tables made once, so that painting a line looks its colours up instead of creating them. */
final class Palettes {

    private Palettes() {
    }

    static Color[] of(int[] rgb) {
        Color[] colours = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            colours[i] = new Color(rgb[i]);
        }
        return colours;
    }
}
