package org.switchboard.testfakes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.switchboard.api.ui.UiContext;
import org.switchboard.api.ui.UiContribution;

/**
 * A menu action that records when it runs; with a null label it throws from every method, as a broken
 * contribution would.
 */
public final class FakeContribution implements UiContribution {

    /** Labels of the actions performed, shared by the fakes of one test if it likes. */
    public final List<String> performed;
    public volatile boolean enabled = true;
    private final String label;

    public FakeContribution(String label, List<String> performed) {
        this.label = label;
        this.performed = performed;
    }

    public FakeContribution(String label) {
        this(label, new CopyOnWriteArrayList<>());
    }

    /** Service properties as a skin receives them: the menu and a service id. */
    public static Map<String, Object> properties(String menu, long serviceId) {
        return Map.of(UiContribution.MENU_PROPERTY, menu, "service.id", serviceId);
    }

    @Override
    public String label(UiContext context) {
        return working();
    }

    @Override
    public boolean enabled(UiContext context) {
        working();
        return enabled;
    }

    @Override
    public void perform(UiContext context) {
        performed.add(working());
    }

    private String working() {
        if (label == null) {
            throw new IllegalStateException("a broken contribution");
        }
        return label;
    }
}
