package org.switchboard.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MenuContributionsTest {

    private final AtomicInteger changes = new AtomicInteger();
    private final MenuContributions contributions = new MenuContributions(changes::incrementAndGet);
    private final UiContext nowhere = UiContext.of(null, null);
    private final List<String> performed = new ArrayList<>();

    private UiContribution action(String label) {
        return new UiContribution() {
            @Override
            public String label(UiContext context) {
                return label;
            }

            @Override
            public void perform(UiContext context) {
                performed.add(label);
            }
        };
    }

    private List<String> labels() {
        return contributions.actions().stream().map(a -> a.menu() + "/" + a.label(nowhere)).toList();
    }

    @Test
    void actionsAreOrderedByMenuThenRankingThenRegistration() {
        contributions.add(action("second"), Map.of("service.id", 7L));
        contributions.add(action("first"), Map.of("service.id", 9L, "service.ranking", 10));
        contributions.add(action("third"), Map.of("service.id", 8L));
        contributions.add(action("settings"), Map.of("service.id", 3L, UiContribution.MENU_PROPERTY, "Options"));
        assertEquals(List.of("Options/settings", "Tools/first", "Tools/second", "Tools/third"), labels());
        assertEquals(4, changes.get(), "each addition is announced");
    }

    @Test
    void removingAContributionTakesItsActionAway() {
        UiContribution list = action("Channel list…");
        contributions.add(list, Map.of("service.id", 1L));
        contributions.add(action("Mute"), Map.of("service.id", 2L));
        contributions.remove(list);
        assertEquals(List.of("Tools/Mute"), labels());
        assertEquals(3, changes.get());
        contributions.remove(list);
        assertEquals(3, changes.get(), "removing what is not there changes nothing");
    }

    @Test
    void aThrowingContributionIsContainedAndTheOthersKeepWorking() {
        contributions.add(new UiContribution() {
            @Override
            public String label(UiContext context) {
                throw new IllegalStateException("broken label");
            }

            @Override
            public boolean enabled(UiContext context) {
                throw new IllegalStateException("broken state");
            }

            @Override
            public void perform(UiContext context) {
                throw new IllegalStateException("broken action");
            }
        }, Map.of("service.id", 1L));
        contributions.add(action("works"), Map.of("service.id", 2L));
        MenuContributions.MenuAction broken = contributions.actions().get(0);
        assertNull(broken.label(nowhere), "no label: the skin leaves the action out");
        assertFalse(broken.enabled(nowhere));
        assertFalse(broken.perform(nowhere));
        MenuContributions.MenuAction working = contributions.actions().get(1);
        assertEquals("works", working.label(nowhere));
        assertTrue(working.enabled(nowhere));
        assertTrue(working.perform(nowhere));
        assertEquals(List.of("works"), performed);
    }

    @Test
    void labelsArePlainText() {
        contributions.add(action("<html><img src=http://x/>"), Map.of("service.id", 1L));
        contributions.add(action("  "), Map.of("service.id", 2L));
        List<MenuContributions.MenuAction> actions = contributions.actions();
        assertEquals("\u200B<html><img src=http://x/>", actions.get(0).label(nowhere));
        assertNull(actions.get(1).label(nowhere), "a blank label leaves the action out");
    }
}
