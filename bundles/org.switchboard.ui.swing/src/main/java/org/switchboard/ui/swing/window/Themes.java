package org.switchboard.ui.swing.window;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** Installs the FlatLaf look and feel; an instance, not a class name, so it works inside OSGi. */
public final class Themes {

    private Themes() {
    }

    /** Call on the event thread before building components. */
    public static void apply(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }
}
