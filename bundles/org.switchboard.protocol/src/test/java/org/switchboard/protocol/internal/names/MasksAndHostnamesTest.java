package org.switchboard.protocol.internal.names;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;

/** Cases beyond the conformance vectors. */
class MasksAndHostnamesTest {

    @Test
    void wildcards() {
        assertTrue(Masks.matches("*", "", CaseMapping.ASCII));
        assertTrue(Masks.matches("**", "abc", CaseMapping.ASCII));
        assertTrue(Masks.matches("a*b*c", "aXXbYYc", CaseMapping.ASCII));
        assertFalse(Masks.matches("a*b*c", "aXXbYY", CaseMapping.ASCII));
        assertFalse(Masks.matches("?", "", CaseMapping.ASCII));
        assertTrue(Masks.matches("*?", "x", CaseMapping.ASCII));
        assertFalse(Masks.matches("", "x", CaseMapping.ASCII));
    }

    @Test
    void caseMappingApplies() {
        assertTrue(Masks.matches("NICK[A]!*@*", "nick{a}!u@h", CaseMapping.RFC1459));
        assertFalse(Masks.matches("NICK[A]!*@*", "nick{a}!u@h", CaseMapping.ASCII));
        assertTrue(Masks.matches("NICK[A]!*@*", "nick[a]!u@h", CaseMapping.ASCII));
        assertFalse(Masks.matches("a^", "a~", CaseMapping.RFC1459_STRICT));
    }

    @Test
    void backtrackingStaysLinearEnough() {
        String text = "a".repeat(5000) + "b";
        assertFalse(Masks.matches("*a*a*a*a*a*c", text, CaseMapping.ASCII));
    }

    @Test
    void hostnames() {
        assertTrue(Hostnames.isValid("a.b"));
        assertTrue(Hostnames.isValid("xn--bcher-kva.ch."));
        assertFalse(Hostnames.isValid("a..b"));
        assertFalse(Hostnames.isValid(".a.b"));
        assertFalse(Hostnames.isValid("a.b-"));
        assertFalse(Hostnames.isValid("."));
        assertFalse(Hostnames.isValid(null));
        assertFalse(Hostnames.isValid("x".repeat(64) + ".com"));
        assertTrue(Hostnames.isValid("x".repeat(63) + ".com"));
        assertFalse(Hostnames.isValid("irc.B\u00fccher.ch"));
    }
}
