package org.switchboard.feature.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeInvocation;

class ChannelCommandsTest {

    private final FakeConnection connection = new FakeConnection(new IrcProtocolComponent());

    private FakeInvocation run(CommandHandler handler, String name, String args, String buffer) {
        FakeInvocation invocation = new FakeInvocation(name, args, buffer, connection);
        handler.execute(invocation);
        return invocation;
    }

    private void assertOnlyError(FakeInvocation invocation, String expectedStart) {
        assertEquals(1, invocation.errors.size(), invocation.errors.toString());
        assertTrue(invocation.errors.get(0).startsWith(expectedStart), invocation.errors.get(0));
        assertTrue(connection.sent.isEmpty(), connection.sent.toString());
    }

    @Test
    void topicWithoutArgumentsAsksForTheCurrentChannelsTopic() {
        run(new TopicCommand(), "topic", "", "#chan");
        assertEquals(List.of(IrcMessage.of("TOPIC", "#chan")), connection.sent);
    }

    @Test
    void topicWithTextSetsTheCurrentChannelsTopic() {
        run(new TopicCommand(), "topic", "Release 1.0 is out", "#chan");
        assertEquals(List.of(IrcMessage.of("TOPIC", "#chan", "Release 1.0 is out")), connection.sent);
    }

    @Test
    void topicNamesAnotherChannel() {
        run(new TopicCommand(), "topic", "#other new topic", "#chan");
        run(new TopicCommand(), "topic", "#third", "alice");
        assertEquals(List.of(IrcMessage.of("TOPIC", "#other", "new topic"), IrcMessage.of("TOPIC", "#third")),
                connection.sent);
    }

    @Test
    void topicOutsideAChannelWithoutOneNamedIsAnError() {
        assertOnlyError(run(new TopicCommand(), "topic", "hello", "alice"), "/topic only works in a channel");
    }

    @Test
    void modeWithoutTargetAppliesToTheCurrentChannel() {
        run(new ModeCommand(), "mode", "+o bob", "#chan");
        run(new ModeCommand(), "mode", "", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "+o", "bob"), IrcMessage.of("MODE", "#chan")),
                connection.sent);
    }

    @Test
    void modeWithoutTargetInTheServerBufferAppliesToOwnNick() {
        run(new ModeCommand(), "mode", "+i", "testnet");
        assertEquals(List.of(IrcMessage.of("MODE", "me", "+i")), connection.sent);
    }

    @Test
    void modeWithExplicitTarget() {
        run(new ModeCommand(), "mode", "#other +lk 10 secret", "testnet");
        assertEquals(List.of(IrcMessage.of("MODE", "#other", "+lk", "10", "secret")), connection.sent);
    }

    @Test
    void bareModeOutsideAChannelIsAnError() {
        assertOnlyError(run(new ModeCommand(), "mode", "", "testnet"), "/mode needs a target");
    }

    @Test
    void kickRemovesFromTheCurrentChannelWithTheWholeReason() {
        run(new KickCommand(), "kick", "troll stop  spamming", "#chan");
        run(new KickCommand(), "kick", "other", "#chan");
        assertEquals(List.of(IrcMessage.of("KICK", "#chan", "troll", "stop  spamming"),
                IrcMessage.of("KICK", "#chan", "other")), connection.sent);
    }

    @Test
    void kickOutsideAChannelIsAnError() {
        assertOnlyError(run(new KickCommand(), "kick", "troll", "alice"), "/kick only works in a channel");
    }

    @Test
    void kickWithoutNickExplainsUsage() {
        assertOnlyError(run(new KickCommand(), "kick", "", "#chan"), "Usage: /kick");
    }

    @Test
    void kickWhileDisconnectedIsAnError() {
        connection.state = ConnectionState.CONNECTING;
        assertOnlyError(run(new KickCommand(), "kick", "troll", "#chan"), "Not connected to testnet");
    }

    @Test
    void banTurnsANickIntoAMaskAndKeepsMasks() {
        run(new BanCommand(), "ban", "troll", "#chan");
        run(new BanCommand(), "ban", "*!*@bad.example", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "+b", "troll!*@*"),
                IrcMessage.of("MODE", "#chan", "+b", "*!*@bad.example")), connection.sent);
    }

    @Test
    void banOutsideAChannelOrWithoutMaskIsAnError() {
        assertOnlyError(run(new BanCommand(), "ban", "troll", "testnet"), "/ban only works in a channel");
        assertOnlyError(run(new BanCommand(), "ban", "", "#chan"), "Usage: /ban");
    }

    @Test
    void inviteToTheCurrentOrANamedChannel() {
        run(new InviteCommand(), "invite", "bob", "#chan");
        run(new InviteCommand(), "invite", "bob #other", "alice");
        assertEquals(List.of(IrcMessage.of("INVITE", "bob", "#chan"), IrcMessage.of("INVITE", "bob", "#other")),
                connection.sent);
    }

    @Test
    void inviteWithoutAChannelIsAnError() {
        assertOnlyError(run(new InviteCommand(), "invite", "bob", "alice"), "/invite only works in a channel");
        FakeInvocation notAChannel = run(new InviteCommand(), "invite", "bob other", "#chan");
        assertOnlyError(notAChannel, "'other' is not a channel");
        assertOnlyError(run(new InviteCommand(), "invite", "", "#chan"), "Usage: /invite");
    }

    @Test
    void namesAsksForTheCurrentOrANamedChannelButNeverTheWholeNetwork() {
        run(new NamesCommand(), "names", "", "#chan");
        run(new NamesCommand(), "names", "#other", "testnet");
        assertEquals(List.of(IrcMessage.of("NAMES", "#chan"), IrcMessage.of("NAMES", "#other")), connection.sent);
        connection.sent.clear();
        assertOnlyError(run(new NamesCommand(), "names", "", "testnet"), "/names only works in a channel");
    }

    @Test
    void opAndVoiceGoOutInAsFewModeLinesAsTheServersLimitAllows() {
        connection.isupport.apply(IrcMessage.of("005", "me", "MODES=2", "PREFIX=(ov)@+", "are supported"));
        run(new OpCommand(), "op", "ann bob carl", "#chan");
        run(new DevoiceCommand(), "devoice", "dan", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "+oo", "ann", "bob"),
                IrcMessage.of("MODE", "#chan", "+o", "carl"), IrcMessage.of("MODE", "#chan", "-v", "dan")),
                connection.sent);
    }

    @Test
    void withoutAModesLimitFromTheServerThreeGoOnALine() {
        run(new DeopCommand(), "deop", "a b c d", "#chan");
        run(new VoiceCommand(), "voice", "e", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "-ooo", "a", "b", "c"), IrcMessage.of("MODE", "#chan", "-o", "d"),
                IrcMessage.of("MODE", "#chan", "+v", "e")), connection.sent);
    }

    @Test
    void opNeedsNicksAChannelAndAServerWithThatMode() {
        assertOnlyError(run(new OpCommand(), "op", "", "#chan"), "Usage: /op");
        assertOnlyError(run(new VoiceCommand(), "voice", "ann", "testnet"), "/voice only works in a channel");
        connection.isupport.apply(IrcMessage.of("005", "me", "PREFIX=(o)@", "are supported"));
        assertOnlyError(run(new VoiceCommand(), "voice", "ann", "#chan"), "testnet has no channel mode v");
    }

    @Test
    void kickbanBansFirstThenKicksWithTheReason() {
        run(new KickbanCommand(), "kb", "troll go away", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "+b", "troll!*@*"),
                IrcMessage.of("KICK", "#chan", "troll", "go away")), connection.sent);
        connection.sent.clear();
        assertOnlyError(run(new KickbanCommand(), "kb", "*!*@bad.example", "#chan"), "/kb takes a nick, not a mask");
        assertOnlyError(run(new KickbanCommand(), "kickban", "troll", "alice"), "/kickban only works in a channel");
    }

    @Test
    void kickbanDoesNotKickWhenTheBanCouldNotBeSent() {
        connection.refuse = true;
        FakeInvocation invocation = run(new KickbanCommand(), "kickban", "troll", "#chan");
        assertEquals(List.of("Could not send MODE: the connection refused it"), invocation.errors);
    }

    @Test
    void unbanLiftsANicksBanOrAMask() {
        run(new UnbanCommand(), "unban", "troll", "#chan");
        run(new UnbanCommand(), "unban", "*!*@bad.example", "#chan");
        assertEquals(List.of(IrcMessage.of("MODE", "#chan", "-b", "troll!*@*"),
                IrcMessage.of("MODE", "#chan", "-b", "*!*@bad.example")), connection.sent);
    }
}
