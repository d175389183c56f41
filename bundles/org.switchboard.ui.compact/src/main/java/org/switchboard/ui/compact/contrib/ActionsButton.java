package org.switchboard.ui.compact.contrib;

import java.util.List;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

import org.switchboard.api.ui.MenuContributions;
import org.switchboard.api.ui.MenuContributions.MenuAction;
import org.switchboard.api.ui.PlainText;
import org.switchboard.api.ui.UiContext;

/**
 * The compact skin has no menu bar: the features' actions sit behind one button in the top bar, which shows only
 * while there are any. The popup is built when it opens, from the actions registered at that moment, grouped by
 * their menu with its name as a heading. Event thread only; named {@code compact.actions} for tests.
 */
public final class ActionsButton extends JButton {

    private static final long serialVersionUID = 1L;

    private final transient MenuContributions contributions;
    private final transient Supplier<UiContext> context;

    public ActionsButton(MenuContributions contributions, Supplier<UiContext> context) {
        super("\u22EF");
        this.contributions = contributions;
        this.context = context;
        setName("compact.actions");
        setToolTipText("Actions of the installed features, and the Plugins dialog");
        PlainText.protect(this);
        addActionListener(e -> {
            JPopupMenu popup = popup();
            popup.show(this, 0, getHeight());
        });
        update();
    }

    /** The registered actions changed. */
    public void update() {
        setVisible(!contributions.actions().isEmpty());
        revalidate();
    }

    /** The popup as it would open now. */
    public JPopupMenu popup() {
        JPopupMenu popup = new JPopupMenu();
        popup.setName("compact.actions.popup");
        UiContext now = context.get();
        List<MenuAction> actions = contributions.actions();
        boolean headings = actions.stream().map(MenuAction::menu).distinct().count() > 1;
        String menu = null;
        for (MenuAction action : actions) {
            String label = action.label(now);
            if (label == null) {
                continue;
            }
            if (headings && !action.menu().equals(menu)) {
                if (menu != null) {
                    popup.addSeparator();
                }
                JMenuItem heading = PlainText.protect(new JMenuItem(PlainText.line(action.menu(), 40)));
                heading.setEnabled(false);
                popup.add(heading);
            }
            menu = action.menu();
            JMenuItem item = PlainText.protect(new JMenuItem(label));
            item.setEnabled(action.enabled(now));
            item.addActionListener(e -> action.perform(context.get()));
            popup.add(item);
        }
        return popup;
    }
}
