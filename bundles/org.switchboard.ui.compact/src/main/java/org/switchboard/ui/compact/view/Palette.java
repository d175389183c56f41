package org.switchboard.ui.compact.view;

import java.awt.Color;

import org.switchboard.api.irc.FormattedText.Span;

/** mIRC colour numbers as colours tuned for a dark background. */
final class Palette {

    private static final int[] MIRC = {0xffffff, 0x000000, 0x3b78ff, 0x16c60c, 0xe74856, 0xc50f1f, 0xb4009e,
        0xf9a825, 0xf9f1a5, 0x13a10e, 0x3a96dd, 0x61d6d6, 0x6f9fff, 0xf472d0, 0x767676, 0xcccccc};

    private Palette() {
    }

    /** The colour for a span colour value, or {@code fallback} for the default colour and unknown numbers. */
    static Color colour(int value, Color fallback) {
        if (value == Span.DEFAULT_COLOUR) {
            return fallback;
        }
        if ((value & Span.RGB_FLAG) != 0) {
            return new Color(value & 0xffffff);
        }
        if (value >= 0 && value < MIRC.length) {
            return new Color(MIRC[value]);
        }
        return fallback;
    }
}
