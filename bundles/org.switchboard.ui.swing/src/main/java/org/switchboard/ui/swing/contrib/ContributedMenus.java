package org.switchboard.ui.swing.contrib;

import java.awt.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JSeparator;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.MenuContributions.MenuAction;
import org.switchboard.api.ui.UiContext;
import org.switchboard.ui.swing.text.SafeText;

/**
 * The features' menu actions in the window's menu bar. An action whose menu has the name of one of the skin's own
 * menus goes at its end, after a separator; other menus are added to the right. {@link #rebuild} replaces what was
 * added before with the actions registered now; labels and enabled states are asked again whenever a menu opens.
 * Event thread only.
 */
public final class ContributedMenus {

    /** Client property on each contributed item, holding its action; tests read it too. */
    public static final String ACTION_PROPERTY = "switchboard.contribution";

    private final JMenuBar bar;
    private final MenuContributions contributions;
    private final Supplier<UiContext> context;
    /** Everything added to the bar or to the skin's menus, to take away at the next rebuild. */
    private final List<Component> added = new ArrayList<>();
    private final Map<JMenu, List<JMenuItem>> itemsByMenu = new LinkedHashMap<>();
    private final MenuListener refreshOnOpen = new MenuListener() {
        @Override
        public void menuSelected(MenuEvent e) {
            if (e.getSource() instanceof JMenu menu) {
                refresh(itemsByMenu.getOrDefault(menu, List.of()));
            }
        }

        @Override
        public void menuDeselected(MenuEvent e) {
        }

        @Override
        public void menuCanceled(MenuEvent e) {
        }
    };

    public ContributedMenus(JMenuBar bar, MenuContributions contributions, Supplier<UiContext> context) {
        this.bar = bar;
        this.contributions = contributions;
        this.context = context;
    }

    public void rebuild() {
        for (Component component : added) {
            if (component.getParent() != null) {
                component.getParent().remove(component);
            }
        }
        added.clear();
        for (JMenu menu : itemsByMenu.keySet()) {
            menu.removeMenuListener(refreshOnOpen);
        }
        itemsByMenu.clear();

        for (MenuAction action : contributions.actions()) {
            JMenu menu = menuNamed(action.menu());
            List<JMenuItem> items = itemsByMenu.computeIfAbsent(menu, m -> {
                m.addMenuListener(refreshOnOpen);
                if (m.getMenuComponentCount() > 0) {
                    JSeparator separator = new JSeparator();
                    m.add(separator);
                    added.add(separator);
                }
                return new ArrayList<>();
            });
            JMenuItem item = SafeText.protect(new JMenuItem());
            item.putClientProperty(ACTION_PROPERTY, action);
            item.addActionListener(e -> action.perform(context.get()));
            menu.add(item);
            added.add(item);
            items.add(item);
        }
        itemsByMenu.values().forEach(this::refresh);
        bar.revalidate();
        bar.repaint();
    }

    /** The skin's own menu of that name, or a new one on the right of the bar. */
    private JMenu menuNamed(String name) {
        for (int i = 0; i < bar.getMenuCount(); i++) {
            JMenu menu = bar.getMenu(i);
            if (menu != null && name.equals(menu.getText())) {
                return menu;
            }
        }
        JMenu created = SafeText.protect(new JMenu(SafeText.display(name)));
        bar.add(created);
        added.add(created);
        return created;
    }

    private void refresh(List<JMenuItem> items) {
        UiContext now = context.get();
        for (JMenuItem item : items) {
            MenuAction action = (MenuAction) item.getClientProperty(ACTION_PROPERTY);
            String label = action.label(now);
            item.setVisible(label != null);
            if (label != null) {
                item.setText(label);
                item.setEnabled(action.enabled(now));
            }
        }
    }
}
