package org.switchboard.ui.swing.contrib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

import org.junit.jupiter.api.Test;
import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.UiContext;
import org.switchboard.testfakes.FakeContribution;
import org.switchboard.ui.swing.text.SafeText;

/** Features' actions appear in and vanish from the menu bar; a broken one does not take the menu with it. */
class ContributedMenusTest {

    private final List<String> performed = new CopyOnWriteArrayList<>();
    private final MenuContributions contributions = new MenuContributions(() -> { });
    private final JMenuBar bar = new JMenuBar();
    private final JMenu view = new JMenu("View");
    private final ContributedMenus menus = new ContributedMenus(bar, contributions, () -> UiContext.of(null, null));
    private long nextId = 1;

    ContributedMenusTest() {
        bar.add(new JMenu("Switchboard"));
        view.add(new JMenuItem("Dark theme"));
        bar.add(view);
    }

    private FakeContribution add(String menu, String label) {
        FakeContribution contribution = new FakeContribution(label, performed);
        contributions.add(contribution, FakeContribution.properties(menu, nextId++));
        return contribution;
    }

    private List<String> menuNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bar.getMenuCount(); i++) {
            names.add(bar.getMenu(i).getText());
        }
        return names;
    }

    private static List<String> items(JMenu menu) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < menu.getItemCount(); i++) {
            JMenuItem item = menu.getItem(i);
            texts.add(item == null ? "---" : item.isVisible() ? item.getText() : "(hidden)");
        }
        return texts;
    }

    private static void open(JMenu menu) {
        for (MenuListener listener : menu.getMenuListeners()) {
            listener.menuSelected(new MenuEvent(menu));
        }
    }

    @Test
    void actionsAppearWhenTheirFeatureStartsAndGoWhenItStops() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            FakeContribution list = add("Tools", "Channel list…");
            FakeContribution mute = add("View", "Mute notifications");
            menus.rebuild();
            assertEquals(List.of("Switchboard", "View", "Tools"), menuNames());
            assertEquals(List.of("Dark theme", "---", "Mute notifications"), items(view));
            JMenu tools = bar.getMenu(2);
            assertEquals(List.of("Channel list…"), items(tools));
            assertEquals(Boolean.TRUE, tools.getItem(0).getClientProperty(SafeText.HTML_DISABLE));

            tools.getItem(0).doClick();
            assertEquals(List.of("Channel list…"), performed);

            contributions.remove(list);
            menus.rebuild();
            assertEquals(List.of("Switchboard", "View"), menuNames(), "an emptied menu goes");
            contributions.remove(mute);
            menus.rebuild();
            assertEquals(List.of("Dark theme"), items(view), "the skin's own items stay, and only they");
        });
    }

    @Test
    void labelsAndEnabledStatesAreAskedAgainWhenTheMenuOpens() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            FakeContribution list = add("Tools", "Channel list…");
            menus.rebuild();
            JMenu tools = bar.getMenu(2);
            assertTrue(tools.getItem(0).isEnabled());
            list.enabled = false;
            open(tools);
            assertFalse(tools.getItem(0).isEnabled());
        });
    }

    @Test
    void aThrowingContributionIsLeftOutAndTheRestOfTheMenuWorks() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            add("Tools", null);
            add("Tools", "Works");
            menus.rebuild();
            JMenu tools = bar.getMenu(2);
            assertEquals(List.of("(hidden)", "Works"), items(tools));
            tools.getItem(0).doClick();
            tools.getItem(1).doClick();
            assertEquals(List.of("Works"), performed);
        });
    }
}
