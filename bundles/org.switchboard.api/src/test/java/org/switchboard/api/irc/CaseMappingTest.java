package org.switchboard.api.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseMappingTest {

    @Test
    void asciiFoldsOnlyLetters() {
        assertEquals("nick[]\\~^", CaseMapping.ASCII.fold("NICK[]\\~^"));
    }

    @Test
    void rfc1459FoldsBracketsBackslashAndCaret() {
        assertEquals("nick{}|~", CaseMapping.RFC1459.fold("NICK[]\\^"));
        assertTrue(CaseMapping.RFC1459.equals("Foo[^]", "foo{~}"));
    }

    @Test
    void strictLeavesCaretAlone() {
        assertEquals("{}|^", CaseMapping.RFC1459_STRICT.fold("[]\\^"));
        assertFalse(CaseMapping.RFC1459_STRICT.equals("a^", "a~"));
    }

    @Test
    void foldReturnsSameInstanceWhenNothingChanges() {
        String lower = "already-lower";
        assertSame(lower, CaseMapping.RFC1459.fold(lower));
    }

    @Test
    void unknownTokenFallsBackToRfc1459() {
        assertEquals(CaseMapping.RFC1459, CaseMapping.fromToken("utf8-magic"));
        assertEquals(CaseMapping.ASCII, CaseMapping.fromToken("ASCII"));
        assertEquals(CaseMapping.RFC1459, CaseMapping.fromToken(null));
    }
}
