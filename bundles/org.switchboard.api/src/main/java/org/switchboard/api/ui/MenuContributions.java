package org.switchboard.api.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;

/**
 * What a skin needs to host {@link UiContribution}s: the registered actions in menu order, and calls into them
 * that cannot break the menu. A skin binds the whiteboard services into it (from any thread) and builds its menus
 * from {@link #actions()} on the event thread whenever {@code changed} tells it to.
 *
 * <p>Order: menus by name, then within a menu by service ranking (highest first), then in registration order.
 */
public final class MenuContributions {

    private static final System.Logger LOG = System.getLogger(MenuContributions.class.getName());
    private static final Comparator<MenuAction> ORDER = Comparator.comparing(MenuAction::menu)
            .thenComparing(Comparator.comparingInt(MenuAction::ranking).reversed())
            .thenComparingLong(MenuAction::serviceId);

    private final List<MenuAction> actions = new CopyOnWriteArrayList<>();
    private final Runnable changed;

    /** @param changed told (on the binding thread) after every addition or removal */
    public MenuContributions(Runnable changed) {
        this.changed = changed;
    }

    /** Adds a contribution with its service properties ({@value UiContribution#MENU_PROPERTY}, ranking, id). */
    public void add(UiContribution contribution, Map<String, ?> properties) {
        Object menu = properties.get(UiContribution.MENU_PROPERTY);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        actions.add(new MenuAction(contribution,
                menu instanceof String name && !name.isBlank() ? name.strip() : UiContribution.DEFAULT_MENU,
                ranking instanceof Integer rank ? rank : 0, id instanceof Long serviceId ? serviceId : Long.MAX_VALUE));
        changed.run();
    }

    public void remove(UiContribution contribution) {
        if (actions.removeIf(action -> action.contribution == contribution)) {
            changed.run();
        }
    }

    /** The actions now registered, in menu order. */
    public List<MenuAction> actions() {
        List<MenuAction> sorted = new ArrayList<>(actions);
        sorted.sort(ORDER);
        return sorted;
    }

    /** One contributed action with guarded calls: what the contribution throws is logged, never passed on. */
    public static final class MenuAction {
        private final UiContribution contribution;
        private final String menu;
        private final int ranking;
        private final long serviceId;

        MenuAction(UiContribution contribution, String menu, int ranking, long serviceId) {
            this.contribution = contribution;
            this.menu = menu;
            this.ranking = ranking;
            this.serviceId = serviceId;
        }

        public String menu() {
            return menu;
        }

        int ranking() {
            return ranking;
        }

        long serviceId() {
            return serviceId;
        }

        /** The label as plain text, or null when the contribution failed to give one (leave the action out). */
        public String label(UiContext context) {
            try {
                String label = contribution.label(context);
                return label == null || label.isBlank() ? null : PlainText.line(label, 80);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "Menu contribution " + contribution + " failed to give a label", e);
                return null;
            }
        }

        /** Whether the action can run now; false when the contribution failed to say. */
        public boolean enabled(UiContext context) {
            try {
                return contribution.enabled(context);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "Menu contribution " + contribution + " failed to say if it is enabled", e);
                return false;
            }
        }

        /** Runs the action; returns false when it threw. */
        public boolean perform(UiContext context) {
            try {
                contribution.perform(context);
                return true;
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "Menu action " + contribution + " failed", e);
                return false;
            }
        }
    }
}
