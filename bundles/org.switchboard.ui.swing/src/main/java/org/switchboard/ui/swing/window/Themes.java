package org.switchboard.ui.swing.window;

import javax.swing.LookAndFeel;
import javax.swing.UIManager;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;

/** Installs the FlatLaf look and feel; an instance, not a class name, so it works inside OSGi. */
public final class Themes {

    private Themes() {
    }

    /**
     * Call on the event thread before building components. Installing a look and feel re-reads all its
     * defaults (a tenth of a second at start-up), so a theme already in place (the launcher installs the
     * expected one while the framework boots) is kept.
     */
    public static void apply(boolean dark) {
        LookAndFeel installed = UIManager.getLookAndFeel();
        Class<?> wanted = dark ? FlatDarkLaf.class : FlatLightLaf.class;
        if (installed != null && installed.getClass() == wanted) {
            return;
        }
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }
}
