package org.switchboard.protocol.internal.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.ModeChange;
import org.switchboard.protocol.internal.isupport.IsupportState;

class ModeParserTest {

    private final IsupportState isupport = new IsupportState();

    private List<ModeChange> channel(String... modeAndArguments) {
        return ModeParser.parse(List.of(modeAndArguments), isupport, true);
    }

    private static ModeChange plus(char mode, String argument) {
        return new ModeChange(true, mode, argument);
    }

    private static ModeChange minus(char mode, String argument) {
        return new ModeChange(false, mode, argument);
    }

    @Test
    void prefixAndListModesTakeArgumentsInOrder() {
        assertEquals(List.of(plus('o', "alice"), plus('v', "bob"), minus('b', "*!*@bad")),
                channel("+ov-b", "alice", "bob", "*!*@bad"));
    }

    @Test
    void keyAlwaysTakesAnArgumentLimitOnlyWhenSet() {
        assertEquals(List.of(minus('k', "*")), channel("-k", "*"));
        assertEquals(List.of(plus('l', "10")), channel("+l", "10"));
        assertEquals(List.of(minus('l', null), plus('o', "nick")), channel("-l+o", "nick"));
    }

    @Test
    void listQueryWithoutArgument() {
        assertEquals(List.of(plus('b', null)), channel("+b"));
        assertEquals(List.of(plus('b', null), plus('e', null), plus('I', null)), channel("beI"));
    }

    @Test
    void flagModesTakeNothingAndUnknownModesAreFlags() {
        assertEquals(List.of(plus('n', null), plus('t', null), plus('Z', null), plus('o', "x")),
                channel("+ntZo", "x"));
    }

    @Test
    void usesTheServersChanmodesAndPrefix() {
        isupport.apply(new IrcMessage(Map.of(), "s", "005",
                List.of("me", "PREFIX=(qaohv)~&@%+", "CHANMODES=beIq,k,flj,CFLMnt", "are supported")));
        assertEquals(List.of(plus('q', "owner"), plus('f', "[5j]:10"), plus('j', "3:5"), minus('f', null),
                plus('h', "half"), plus('F', null)), channel("+qfj-f+hF", "owner", "[5j]:10", "3:5", "half"));
        assertEquals(List.of(plus('q', "*!*@quiet")), channel("+q", "*!*@quiet"));
    }

    @Test
    void missingArgumentsGiveNull() {
        assertEquals(List.of(plus('o', null), plus('k', null)), channel("+ok"));
    }

    @Test
    void userModesNeverTakeArguments() {
        assertEquals(List.of(plus('i', null), minus('w', null), plus('o', null)),
                ModeParser.parse(List.of("+i-w+o", "extra"), isupport, false));
    }

    @Test
    void emptyInput() {
        assertEquals(List.of(), ModeParser.parse(List.of(), isupport, true));
        assertEquals(List.of(), channel("+-"));
    }
}
