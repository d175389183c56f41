package org.switchboard.ui.swing.text;

import java.awt.Color;

/**
 * A stable colour per nick, so that a speaker is recognisable at a glance. The palette has two variants so that
 * colours stay readable on light and dark backgrounds.
 */
public final class NickColours {

    private static final int[] LIGHT = { 0xC0392B, 0x2E7D32, 0x1565C0, 0x8E24AA, 0xD35400, 0x00838F, 0xAD1457,
        0x6D4C41, 0x558B2F, 0x283593, 0x00695C, 0xEF6C00 };
    private static final int[] DARK = { 0xFF7B72, 0x7EE787, 0x79C0FF, 0xD2A8FF, 0xFFA657, 0x56D4DD, 0xFF9BCE,
        0xE3B341, 0xA5D6A7, 0x9FA8DA, 0x80CBC4, 0xFFCC80 };

    private static final Color[] LIGHT_COLOURS = Palettes.of(LIGHT);
    private static final Color[] DARK_COLOURS = Palettes.of(DARK);

    private NickColours() {
    }

    /** Index into the palette for a nick; case-insensitive so that a nick keeps its colour after a case change. */
    public static int index(String nick) {
        if (nick == null) {
            return 0;
        }
        int hash = 0;
        for (int i = 0; i < nick.length(); i++) {
            hash = 31 * hash + Character.toLowerCase(nick.charAt(i));
        }
        return Math.floorMod(hash, LIGHT.length);
    }

    public static Color colour(String nick, boolean dark) {
        return (dark ? DARK_COLOURS : LIGHT_COLOURS)[index(nick)];
    }
}
