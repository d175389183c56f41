package org.switchboard.ui.swing.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.AbstractButton;
import javax.swing.JSpinner;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.junit.jupiter.api.Test;
import org.switchboard.ui.swing.demo.MemoryConfigAdmin;
import org.switchboard.ui.swing.settings.SessionSettingsStore.SessionSettings;

/** Needs a display (Xvfb in CI): the dialog is a real window. */
class PreferencesDialogTest {

    private final SessionSettingsStore store = new SessionSettingsStore(new MemoryConfigAdmin().admin());

    @Test
    void theDialogShowsTheStoredSettingsAndSavesWhatWasTyped() throws Exception {
        store.save(new SessionSettings(List.of("deploy"), 4_000));
        AtomicReference<PreferencesDialog> dialog = new AtomicReference<>();
        // Loading and saving run "in the background" right away here; their results come back as events.
        SwingUtilities.invokeAndWait(() -> dialog.set(new PreferencesDialog(null, store, Runnable::run)));
        SwingUtilities.invokeAndWait(() -> { });
        try {
            SwingUtilities.invokeAndWait(() -> {
                assertEquals("deploy", field(dialog.get(), "preferences.highlightWords", JTextComponent.class).getText());
                assertEquals(4_000, field(dialog.get(), "preferences.scrollbackLines", JSpinner.class).getValue());
                assertTrue(field(dialog.get(), "preferences.save", AbstractButton.class).isEnabled());
                field(dialog.get(), "preferences.highlightWords", JTextComponent.class).setText("deploy\nrollback, Deploy");
                field(dialog.get(), "preferences.scrollbackLines", JSpinner.class).setValue(20_000);
                field(dialog.get(), "preferences.save", AbstractButton.class).doClick();
            });
            SwingUtilities.invokeAndWait(() -> { });
            assertEquals(new SessionSettings(List.of("deploy", "rollback"), 20_000), store.load());
            SwingUtilities.invokeAndWait(() -> assertEquals("deploy\nrollback",
                    field(dialog.get(), "preferences.highlightWords", JTextComponent.class).getText()));
        } finally {
            SwingUtilities.invokeAndWait(() -> dialog.get().dispose());
        }
    }

    @Test
    void nothingIsEditableUntilTheSettingsHaveBeenRead() throws Exception {
        AtomicReference<PreferencesDialog> dialog = new AtomicReference<>();
        List<Runnable> pending = new java.util.ArrayList<>();
        SwingUtilities.invokeAndWait(() -> dialog.set(new PreferencesDialog(null, store, pending::add)));
        try {
            SwingUtilities.invokeAndWait(() -> {
                assertFalse(field(dialog.get(), "preferences.save", AbstractButton.class).isEnabled(),
                        "saving before loading would overwrite the stored words with an empty list");
                assertFalse(field(dialog.get(), "preferences.highlightWords", JTextComponent.class).isEditable());
            });
            assertEquals(1, pending.size());
        } finally {
            SwingUtilities.invokeAndWait(() -> dialog.get().dispose());
        }
    }

    private static <T extends Component> T field(Container container, String name, Class<T> type) {
        for (Component child : container.getComponents()) {
            if (type.isInstance(child) && name.equals(child.getName())) {
                return type.cast(child);
            }
            if (child instanceof Container inner) {
                T found = field(inner, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
