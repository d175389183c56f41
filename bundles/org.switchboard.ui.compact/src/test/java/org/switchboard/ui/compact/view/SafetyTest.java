package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.BufferType;

class SafetyTest {

    @Test
    void switcherLabelShowsNetworkAndUnread() {
        BufferChoice channel = new BufferChoice(1, "libera", "#java", BufferType.CHANNEL, 3, 1, true);
        assertTrue(channel.label().startsWith("#java"), channel.label());
        assertTrue(channel.label().contains("libera"));
        assertTrue(channel.label().endsWith("(3!)"), channel.label());
        BufferChoice quiet = new BufferChoice(2, "libera", "libera", BufferType.SERVER, 0, 0, true);
        assertFalse(quiet.label().contains("("), quiet.label());
        BufferChoice hostile = new BufferChoice(3, "net", "<html><img src=x>", BufferType.QUERY, 0, 0, true);
        assertTrue(hostile.label().startsWith("\u200B<html>"), hostile.label());
        BufferChoice controls = new BufferChoice(4, "net", "#a\u202Eb\u0002c", BufferType.CHANNEL, 0, 0, true);
        assertTrue(controls.label().startsWith("#abc  "), "controls and bidi overrides go: " + controls.label());
    }
}
