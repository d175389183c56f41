package org.switchboard.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: one menu action a feature adds to the user interface. Every running skin shows it while the
 * service is registered, so starting a feature bundle adds its actions and stopping it removes them, without
 * restarting the UI.
 *
 * <p>The service property {@value #MENU_PROPERTY} names the menu the action belongs in (default
 * {@value #DEFAULT_MENU}); a skin shows the actions of one menu together, ordered by service ranking, then by
 * registration. All methods are called on the Swing event thread, so they must return at once: a dialog is shown
 * non-modally, slow work goes to the feature's own thread. A skin catches and logs what a contribution throws and
 * leaves that action out (or disabled); the rest of its menu keeps working.
 */
@ConsumerType
public interface UiContribution {

    /** Service property: the menu the action is shown in. */
    String MENU_PROPERTY = "ui.menu";

    /** The menu used when {@value #MENU_PROPERTY} is absent. */
    String DEFAULT_MENU = "Tools";

    /** The action's label as shown now; plain text, may depend on where the user is ("Mute libera"). */
    String label(UiContext context);

    /** Whether the action can run where the user is now; asked each time the menu opens. */
    default boolean enabled(UiContext context) {
        return true;
    }

    /** Runs the action the user chose. */
    void perform(UiContext context);
}
