package org.switchboard.ui.swing.window;

import javax.swing.JComponent;
import javax.swing.ToolTipManager;

/** Registers components whose renderers supply tooltips (renderer tooltips are only asked for when registered). */
final class ToolTipSupport {

    private ToolTipSupport() {
    }

    static void register(JComponent component) {
        ToolTipManager.sharedInstance().registerComponent(component);
    }
}
