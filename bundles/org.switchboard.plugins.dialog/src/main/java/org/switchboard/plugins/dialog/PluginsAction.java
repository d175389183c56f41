package org.switchboard.plugins.dialog;

import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.plugins.PluginManager;
import org.switchboard.api.ui.UiContext;
import org.switchboard.api.ui.UiContribution;
import org.switchboard.api.ui.WindowRelease;

/**
 * "Plugins…" in whatever skin runs: a menu action (whiteboard {@link UiContribution}) rather than part of one skin,
 * so that after swapping to another skin the user can still manage plugins, and swap back, without the shell.
 * The dialog opens over the skin's window; the plugin manager is optional (the dialog says when it is missing).
 * Stopping this bundle closes the dialogs it opened.
 */
@Component(service = UiContribution.class, property = { UiContribution.MENU_PROPERTY + "=" + UiContribution.DEFAULT_MENU,
    // Last in its menu: the features' own actions come first.
    "service.ranking:Integer=-1000" })
public final class PluginsAction implements UiContribution {

    static final String LABEL = "Plugins…";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginManager manager;
    /** Dialogs this bundle opened and that may still be open; event thread only. */
    private final List<PluginsDialog> opened = new ArrayList<>();

    @Override
    public String label(UiContext context) {
        return LABEL;
    }

    @Override
    public boolean enabled(UiContext context) {
        return context.window() != null;
    }

    @Override
    public void perform(UiContext context) {
        Window owner = context.window();
        if (owner == null) {
            return;
        }
        PluginsDialog dialog = PluginsDialog.show(owner, () -> Optional.ofNullable(manager));
        if (!opened.contains(dialog)) {
            opened.add(dialog);
            // Also when the skin's window goes (a swap) and takes its dialogs along: a disposed dialog kept here
            // would keep that window, and so the stopped skin's classes, from being collected.
            dialog.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    opened.remove(dialog);
                }
            });
        }
    }

    /** The dialogs that may still be open; event thread (tests). */
    List<PluginsDialog> openDialogs() {
        return List.copyOf(opened);
    }

    @Deactivate
    void deactivate() {
        WindowRelease.onEventThread(() -> {
            // A copy: disposing fires windowClosed, which takes the dialog out of the list.
            for (PluginsDialog dialog : List.copyOf(opened)) {
                dialog.dispose();
            }
            opened.clear();
        }, Duration.ofSeconds(5));
    }
}
