package org.switchboard.ui.swing.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void historyWalksBackAndForthAndRestoresTheDraft() {
        InputHistory history = new InputHistory();
        history.add("one");
        history.add("two");
        history.add("two");
        assertEquals("two", history.previous("draft"));
        assertEquals("one", history.previous("two"));
        assertEquals("one", history.previous("one"));
        assertEquals("two", history.next("one"));
        assertEquals("draft", history.next("two"));
        assertEquals("draft", history.next("draft"));
    }

    @Test
    void nickCompletionAtLineStartAddsAColonAndCycles() {
        Completer completer = new Completer();
        List<String> nicks = List.of("alice", "Alfred", "bob");
        Completer.Result first = completer.complete("al", 2, nicks, List.of());
        assertEquals(new Completer.Result("alice: ", 7), first);
        Completer.Result second = completer.complete(first.text(), first.caret(), nicks, List.of());
        assertEquals(new Completer.Result("Alfred: ", 8), second);
        Completer.Result third = completer.complete(second.text(), second.caret(), nicks, List.of());
        assertEquals("alice: ", third.text());
    }

    @Test
    void nickCompletionMidLineKeepsTheRest() {
        Completer completer = new Completer();
        assertEquals(new Completer.Result("hi bob and", 6),
                completer.complete("hi b and", 4, List.of("bob"), List.of()));
    }

    @Test
    void commandsCompleteOnlyAsFirstWord() {
        Completer completer = new Completer();
        assertEquals("/join ", completer.complete("/jo", 3, List.of("joe"), List.of("join", "part")).text());
        completer.reset();
        assertNull(completer.complete("x /jo", 5, List.of(), List.of("join")));
        assertNull(completer.complete("zz", 2, List.of("bob"), List.of()));
    }
}
