package org.switchboard.ui.compact.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;
import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.UiContext;
import org.switchboard.testfakes.FakeContribution;

/** The compact skin's one button for the features' actions. */
class ActionsButtonTest {

    private final MenuContributions contributions = new MenuContributions(() -> { });
    private final List<String> performed = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    private FakeContribution add(String menu, String label, boolean enabled) {
        FakeContribution contribution = new FakeContribution(label, performed);
        contribution.enabled = enabled;
        contributions.add(contribution, FakeContribution.properties(menu, nextId++));
        return contribution;
    }

    private static List<String> texts(JPopupMenu popup) {
        List<String> texts = new ArrayList<>();
        for (java.awt.Component c : popup.getComponents()) {
            texts.add(c instanceof JMenuItem item ? item.getText() + (item.isEnabled() ? "" : " (off)") : "---");
        }
        return texts;
    }

    @Test
    void theButtonShowsOnlyWhileFeaturesContributeActions() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            ActionsButton button = new ActionsButton(contributions, () -> UiContext.of(null, null));
            assertFalse(button.isVisible());
            FakeContribution list = add("Tools", "Channel list…", true);
            button.update();
            assertTrue(button.isVisible());
            contributions.remove(list);
            button.update();
            assertFalse(button.isVisible());
        });
    }

    @Test
    void thePopupGroupsActionsByMenuLeavesBrokenOnesOutAndRunsTheChosenOne() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            ActionsButton button = new ActionsButton(contributions, () -> UiContext.of(null, null));
            add("Tools", "Channel list…", true);
            add("Tools", null, true);
            add("Notify", "Mute notifications", false);
            JPopupMenu popup = button.popup();
            assertEquals(List.of("Notify (off)", "Mute notifications (off)", "---", "Tools (off)", "Channel list…"),
                    texts(popup));
            ((JMenuItem) popup.getComponent(4)).doClick();
            assertEquals(List.of("Channel list…"), performed);
        });
    }
}
