package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.swing.JLabel;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.BufferType;

class SafetyTest {

    @Test
    void guardDisablesHtml() {
        assertEquals(Boolean.TRUE, Plain.guard(new JLabel()).getClientProperty("html.disable"));
    }

    @Test
    void lineDropsControlsAndDefusesLeadingTags() {
        assertEquals("\u200B<html><b>x</b>", Plain.line("<html><b>x</b>"));
        // Colour digits stay: formatting is parsed before this, only the control characters go.
        assertEquals("bold04red", Plain.line("\u0002bold\u0002\u000304red\r\n"));
        assertEquals("abc", Plain.line("a\u202Eb\u2066c"));
        assertEquals("", Plain.line(null));
    }

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
    }
}
