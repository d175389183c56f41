package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testfakes.FakeInvocation;
import org.switchboard.testfakes.FakeConnection;

class ChannelCommandsTest {

    private final FakeConnection connection = new FakeConnection();

    private FakeInvocation run(org.switchboard.api.command.CommandHandler handler, String name, String args,
            String buffer) {
        FakeInvocation invocation = new FakeInvocation(name, args, buffer, connection);
        handler.execute(invocation);
        return invocation;
    }

    @Test
    void joinSendsOneJoinForSeveralChannelsWithKeys() {
        FakeInvocation invocation = run(new JoinCommand(), "join", "#a,#b k1,k2", "testnet");
        assertEquals(List.of(IrcMessage.of("JOIN", "#a,#b", "k1,k2")), connection.sent);
        assertTrue(invocation.errors.isEmpty());
    }

    @Test
    void joinAddsTheChannelTypeTheUserLeftOut() {
        run(new JoinCommand(), "join", "switchboard,&local", "testnet");
        assertEquals(List.of(IrcMessage.of("JOIN", "#switchboard,&local")), connection.sent);
    }

    @Test
    void joinUsesTheServersOnlyChannelTypeWhenItHasNoHash() {
        connection.chantypes = "&";
        run(new JoinCommand(), "join", "local", "testnet");
        assertEquals(List.of(IrcMessage.of("JOIN", "&local")), connection.sent);
    }

    @Test
    void joinWithoutArgumentsExplainsUsage() {
        FakeInvocation invocation = run(new JoinCommand(), "join", "  ", "testnet");
        assertTrue(connection.sent.isEmpty());
        assertEquals(1, invocation.errors.size());
        assertTrue(invocation.errors.get(0).startsWith("Usage: /join"), invocation.errors.get(0));
    }

    @Test
    void joinWhileDisconnectedSaysSoAndSendsNothing() {
        connection.state = ConnectionState.WAITING_TO_RECONNECT;
        FakeInvocation invocation = run(new JoinCommand(), "join", "#a", "testnet");
        assertTrue(connection.sent.isEmpty());
        assertTrue(invocation.errors.get(0).contains("Not connected to testnet"), invocation.errors.get(0));
    }

    @Test
    void joinOutsideAnyNetworkIsAnError() {
        FakeInvocation invocation = new FakeInvocation("join", "#a", "nowhere", null);
        new JoinCommand().execute(invocation);
        assertEquals(1, invocation.errors.size());
        assertTrue(invocation.errors.get(0).contains("needs a network"));
    }

    @Test
    void refusedSendIsReported() {
        connection.refuse = true;
        FakeInvocation invocation = run(new JoinCommand(), "join", "#a", "testnet");
        assertTrue(invocation.errors.get(0).contains("refused"), invocation.errors.get(0));
    }

    @Test
    void partDefaultsToTheCurrentChannelAndKeepsTheWholeReason() {
        run(new PartCommand(), "part", "gone for lunch", "#here");
        assertEquals(List.of(IrcMessage.of("PART", "#here", "gone for lunch")), connection.sent);
    }

    @Test
    void partNamesAnotherChannel() {
        run(new PartCommand(), "part", "#other bye now", "#here");
        assertEquals(List.of(IrcMessage.of("PART", "#other", "bye now")), connection.sent);
    }

    @Test
    void partWithoutReasonSendsNone() {
        run(new PartCommand(), "part", "", "#here");
        assertEquals(List.of(IrcMessage.of("PART", "#here")), connection.sent);
    }

    @Test
    void partInAQueryWithoutChannelIsAnError() {
        FakeInvocation invocation = run(new PartCommand(), "part", "", "alice");
        assertTrue(connection.sent.isEmpty());
        assertTrue(invocation.errors.get(0).startsWith("Not in a channel"), invocation.errors.get(0));
    }

    @Test
    void cyclePartsAndJoinsAgain() {
        run(new CycleCommand(), "cycle", "", "#here");
        assertEquals(List.of(IrcMessage.of("PART", "#here", "Cycling"), IrcMessage.of("JOIN", "#here")),
                connection.sent);
    }
}
