package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class NickCompletionTest {

    private static final List<String> NICKS = List.of("Alice", "alfred", "bob");

    @Test
    void atLineStartTheNickIsAddressed() {
        assertEquals(new NickCompletion.Result("Alice: ", 7), NickCompletion.complete("al", 2, NICKS));
    }

    @Test
    void midLineOnlyTheWordBeforeTheCaretIsReplaced() {
        assertEquals(new NickCompletion.Result("ask bob about it", 8), NickCompletion.complete("ask bo about it", 6, NICKS));
        assertEquals(new NickCompletion.Result("hi alfred ", 10), NickCompletion.complete("hi alf", 6, NICKS));
    }

    @Test
    void nothingToCompleteGivesNull() {
        assertNull(NickCompletion.complete("zed", 3, NICKS));
        assertNull(NickCompletion.complete("hello ", 6, NICKS));
        assertNull(NickCompletion.complete("", 0, NICKS));
    }
}
