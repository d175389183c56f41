package org.switchboard.feature.away;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.session.BufferType;
import org.switchboard.testfakes.FakeInvocation;
import org.switchboard.testfakes.FakeConnection;

class AwayFeatureTest {

    private final FakeConnection connection = new FakeConnection();

    @Test
    void requestsAwayNotifyOnly() {
        assertEquals(Set.of("away-notify"), new AwayNotifyRequest().capabilities());
    }

    @Test
    void backSendsAnAwayWithoutText() {
        FakeInvocation invocation = new FakeInvocation("back", "", "#java", connection);
        new BackCommand().execute(invocation);
        assertEquals(List.of(IrcMessage.of("AWAY")), connection.sent);
        assertEquals(List.of(), invocation.errors);
    }

    @Test
    void backRefusesArgumentsAndSendsNothing() {
        FakeInvocation invocation = new FakeInvocation("back", "lunch", "#java", connection);
        new BackCommand().execute(invocation);
        assertEquals(List.of(), connection.sent);
        assertTrue(invocation.errors.get(0).startsWith("Usage: /back"), invocation.errors.toString());
    }

    @Test
    void backNeedsAConnectedNetwork() {
        connection.state = ConnectionState.WAITING_TO_RECONNECT;
        FakeInvocation invocation = new FakeInvocation("back", "", "#java", connection);
        new BackCommand().execute(invocation);
        assertEquals(List.of(), connection.sent);
        assertEquals(List.of("Not connected to testnet; /back works once the connection is up"), invocation.errors);

        FakeInvocation nowhere = new FakeInvocation("back", "", "status", null);
        new BackCommand().execute(nowhere);
        assertTrue(nowhere.errors.get(0).contains("needs a network"));
    }

    @Test
    void backTellsTheUserWhenTheConnectionRefuses() {
        connection.refuse = true;
        FakeInvocation invocation = new FakeInvocation("back", "", "#java", connection);
        new BackCommand().execute(invocation);
        assertEquals(List.of("Could not send AWAY: the connection refused it"), invocation.errors);
    }

    @Test
    void awaysListsAwayMembersOfTheCurrentChannel() {
        connection.capabilities = Set.of("away-notify");
        FakeSession session = new FakeSession().withBuffer("testnet", "#java", BufferType.CHANNEL,
                FakeSession.member("ann", true), FakeSession.member("bob", false), FakeSession.member("cy", true));
        FakeInvocation invocation = new FakeInvocation("aways", "", "#java", connection);
        new AwaysCommand(session).execute(invocation);
        assertEquals(List.of("Away in #java (2): ann, cy"), invocation.replies);
    }

    @Test
    void awaysWarnsThatFlagsMayBeStaleWithoutAwayNotify() {
        FakeSession session = new FakeSession().withBuffer("testnet", "#java", BufferType.CHANNEL,
                FakeSession.member("bob", false));
        FakeInvocation invocation = new FakeInvocation("aways", "#JAVA", "testnet", connection);
        new AwaysCommand(session).execute(invocation);
        assertEquals(List.of("Nobody in #java is away (the server does not send away-notify: this may be out of date)"),
                invocation.replies);
    }

    @Test
    void awaysExplainsWhereItWorks() {
        FakeSession session = new FakeSession().withBuffer("testnet", "bob", BufferType.QUERY);
        FakeInvocation inQuery = new FakeInvocation("aways", "", "bob", connection);
        new AwaysCommand(session).execute(inQuery);
        assertEquals(List.of("/aways only works in a channel, or name one: /aways #channel"), inQuery.errors);

        FakeInvocation unknown = new FakeInvocation("aways", "#rust", "bob", connection);
        new AwaysCommand(session).execute(unknown);
        assertEquals(List.of("Not in #rust on testnet"), unknown.errors);

        FakeInvocation tooMany = new FakeInvocation("aways", "#a #b", "bob", connection);
        new AwaysCommand(session).execute(tooMany);
        assertEquals(List.of("Usage: /aways [#channel]"), tooMany.errors);
    }
}
