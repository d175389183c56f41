package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;

class ChannelFilterTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    private static ChannelFilter parse(String arguments) {
        return ChannelFilter.parse(arguments).orElseThrow();
    }

    private boolean matches(ChannelFilter filter, String name, int users, String topic) {
        return filter.matches(new ChannelEntry(name, users, topic), protocol, CaseMapping.RFC1459);
    }

    @Test
    void countsWordsAndMasksAreTakenApart() {
        ChannelFilter filter = parse("  >49 java  <1000 #*lang* ");
        assertEquals(List.of("java"), filter.words());
        assertEquals(List.of("#*lang*"), filter.masks());
        assertEquals(50, filter.minUsers(), "more than 49");
        assertEquals(999, filter.maxUsers(), "fewer than 1000");
        assertEquals(">49 <1000 java #*lang*", filter.asArguments());
        assertEquals(ChannelFilter.ALL, parse(""));
        assertTrue(parse("").showsEverything());
    }

    @Test
    void aCountThatIsNotANumberIsRefused() {
        assertEquals(Optional.empty(), ChannelFilter.parse(">lots"));
        assertEquals(Optional.empty(), ChannelFilter.parse("<-3"));
        assertEquals(Optional.empty(), ChannelFilter.parse(">99999999999"));
        assertEquals(List.of(">"), parse(">").words(), "a lone > is just a word");
    }

    @Test
    void theServerGetsTheConditionsItAnnouncedItCanApply() {
        ChannelFilter filter = parse(">49 *java* tips");
        assertEquals(IrcMessage.of("LIST", "*java*,>49"), filter.listCommand(Optional.of("CMNTU")));
        assertEquals(IrcMessage.of("LIST", ">49"), filter.listCommand(Optional.of("U")));
        assertEquals(IrcMessage.of("LIST", "*java*"), filter.listCommand(Optional.of("mn")));
        assertEquals(IrcMessage.of("LIST"), filter.listCommand(Optional.empty()), "no ELIST: filter here only");
        assertEquals(IrcMessage.of("LIST"), parse("tips").listCommand(Optional.of("CMNTU")),
                "words are matched in topics too, which ELIST cannot do");
        assertEquals(IrcMessage.of("LIST", "<10"), parse("<10").listCommand(Optional.of("U")));
    }

    @Test
    void rowsMatchAllWordsInNameOrTopicAnyMaskAndTheUserRange() {
        ChannelFilter words = parse("java HELP");
        assertTrue(matches(words, "#java", 10, "Ask for help here"));
        assertFalse(matches(words, "#java", 10, "No questions"), "every word must appear");
        ChannelFilter masks = parse("#java* #kotl?n");
        assertTrue(matches(masks, "#JAVA-fr", 3, ""), "masks follow the case mapping");
        assertTrue(matches(masks, "#kotlin", 3, ""), "any mask will do");
        assertFalse(matches(masks, "#scala", 3, "java and kotlin"), "masks match names only");
        ChannelFilter users = parse(">9 <21");
        assertTrue(matches(users, "#a", 10, ""));
        assertTrue(matches(users, "#a", 20, ""));
        assertFalse(matches(users, "#a", 9, ""));
        assertFalse(matches(users, "#a", 21, ""));
    }

    @Test
    void theDialogsFieldsReplaceWordsAndMasksOrTheRange() {
        ChannelFilter typed = parse(">4 java");
        ChannelFilter edited = typed.withText(" kotlin  #k* ");
        assertEquals(List.of("kotlin"), edited.words());
        assertEquals(List.of("#k*"), edited.masks());
        assertEquals(5, edited.minUsers());
        assertEquals("kotlin #k*", edited.text());
        ChannelFilter ranged = edited.withUsers(0, 0);
        assertEquals(0, ranged.minUsers());
        assertEquals(Integer.MAX_VALUE, ranged.maxUsers(), "0 in the upper field: no limit");
    }
}
