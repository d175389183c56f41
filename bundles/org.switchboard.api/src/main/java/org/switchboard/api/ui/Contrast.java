package org.switchboard.api.ui;

import java.awt.Color;

/**
 * Keeps mIRC colours readable on the theme's background. Senders pick colours for their own client's background,
 * usually white: navy or black text is lost on a dark theme, yellow on a light one. A colour whose contrast with
 * the background it is drawn on falls below {@link #MINIMUM_RATIO} is mixed, in steps, with a colour that stands
 * out on that background until it is readable; the hue mostly survives, so "the green word" is still green. A
 * colour pair the sender chose in full (foreground and background) is left alone.
 *
 * <p>Contrast is the WCAG 2 ratio of relative luminances, (L1 + 0.05) / (L2 + 0.05). Both bundled skins use it;
 * a skin of one's own should too.
 *
 * @since 1.1
 */
public final class Contrast {

    /** WCAG's minimum for large text: below it, ordinary chat text is hard to read. */
    public static final double MINIMUM_RATIO = 3.0;
    private static final int STEPS = 10;

    private Contrast() {
    }

    /**
     * {@code foreground}, or the least mix of it with {@code standOut} that reaches the minimum ratio against
     * {@code background} ({@code standOut} itself if no mix does).
     */
    public static Color readable(Color foreground, Color background, Color standOut) {
        if (ratio(foreground, background) >= MINIMUM_RATIO) {
            return foreground;
        }
        for (int step = 1; step < STEPS; step++) {
            Color mixed = mix(foreground, standOut, step / (double) STEPS);
            if (ratio(mixed, background) >= MINIMUM_RATIO) {
                return mixed;
            }
        }
        return standOut;
    }

    /** Black or white, whichever stands out more on {@code background}. */
    public static Color standOutOn(Color background) {
        return ratio(Color.BLACK, background) >= ratio(Color.WHITE, background) ? Color.BLACK : Color.WHITE;
    }

    /** The WCAG contrast ratio, from 1 (the same luminance) to 21 (black on white). */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Color mix(Color from, Color to, double share) {
        return new Color(channel(from.getRed(), to.getRed(), share), channel(from.getGreen(), to.getGreen(), share),
                channel(from.getBlue(), to.getBlue(), share));
    }

    private static int channel(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }
}
