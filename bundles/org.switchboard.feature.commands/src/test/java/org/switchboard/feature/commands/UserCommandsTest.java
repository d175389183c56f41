package org.switchboard.feature.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.BufferType;
import org.switchboard.feature.commands.ignore.IgnoreList;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeInvocation;
import org.switchboard.testfakes.FakeSession;

class UserCommandsTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final FakeConnection connection = new FakeConnection(protocol);

    private FakeInvocation run(CommandHandler handler, String name, String args, String buffer) {
        FakeInvocation invocation = new FakeInvocation(name, args, buffer, connection);
        handler.execute(invocation);
        return invocation;
    }

    private static void assertOneError(FakeInvocation invocation, String expectedStart) {
        assertEquals(1, invocation.errors.size(), invocation.errors.toString());
        assertTrue(invocation.errors.get(0).startsWith(expectedStart), invocation.errors.get(0));
    }

    @Test
    void nickSendsNickAlsoDuringRegistration() {
        run(new NickCommand(), "nick", "newme", "testnet");
        connection.state = ConnectionState.REGISTERING;
        run(new NickCommand(), "nick", "other", "testnet");
        assertEquals(List.of(IrcMessage.of("NICK", "newme"), IrcMessage.of("NICK", "other")), connection.sent);
    }

    @Test
    void nickRejectsMissingExtraOrInvalidNicks() {
        assertOneError(run(new NickCommand(), "nick", "", "testnet"), "Usage: /nick");
        assertOneError(run(new NickCommand(), "nick", "two words", "testnet"), "Usage: /nick");
        assertOneError(run(new NickCommand(), "nick", "#chan", "testnet"), "'#chan' is not a valid nick");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void nickWhileDisconnectedIsAnError() {
        connection.state = ConnectionState.DISCONNECTED;
        assertOneError(run(new NickCommand(), "nick", "newme", "testnet"), "Not connected");
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void whoisAsksTheServer() {
        run(new WhoisCommand(), "whois", "bob", "#chan");
        assertEquals(List.of(IrcMessage.of("WHOIS", "bob")), connection.sent);
        assertOneError(run(new WhoisCommand(), "whois", "", "#chan"), "Usage: /whois");
    }

    @Test
    void awayWithReasonAndBack() {
        run(new AwayCommand(), "away", "lunch, back at 2", "#chan");
        run(new AwayCommand(), "away", "  ", "#chan");
        assertEquals(List.of(IrcMessage.of("AWAY", "lunch, back at 2"), IrcMessage.of("AWAY")), connection.sent);
    }

    @Test
    void reconnectQuitsWithTheReasonAndConnectsAgain() {
        run(new ReconnectCommand(), "reconnect", "trying a fix", "#chan");
        assertEquals(List.of("trying a fix"), connection.disconnects);
        assertEquals(1, connection.connects);
        // disconnected (after /quit, or waiting out the back-off): connects at once, without a QUIT
        run(new ReconnectCommand(), "reconnect", "", "testnet");
        assertEquals(List.of("trying a fix"), connection.disconnects);
        assertEquals(2, connection.connects);
        connection.state = ConnectionState.CONNECTED;
        run(new ReconnectCommand(), "reconnect", "", "testnet");
        assertEquals(List.of("trying a fix", "Reconnecting"), connection.disconnects);
    }

    @Test
    void closeLeavesTheBufferItIsTypedInButNotTheServerBuffer() {
        FakeSession session = new FakeSession();
        session.add("testnet", "testnet", BufferType.SERVER);
        session.add("testnet", "#chan", BufferType.CHANNEL);
        run(new CloseCommand(session), "close", "", "#chan");
        assertTrue(session.find("testnet", "#chan").isEmpty());
        assertOneError(run(new CloseCommand(session), "close", "", "testnet"), "The server buffer stays");
        assertTrue(session.find("testnet", "testnet").isPresent());
        assertOneError(run(new CloseCommand(session), "close", "", "#gone"), "/close: there is no buffer #gone");
        assertOneError(run(new CloseCommand(session), "close", "#other", "testnet"), "Usage: /close");
    }

    @Test
    void quitDisconnectsWithTheReasonOrTheDefault() {
        run(new QuitCommand(), "quit", "see you", "#chan");
        assertEquals(List.of("see you"), connection.disconnects);
        connection.state = ConnectionState.CONNECTED;
        run(new QuitCommand(), "quit", "", "#chan");
        assertEquals(List.of("see you", "null"), connection.disconnects);
    }

    @Test
    void quitAlsoStopsAPendingReconnect() {
        connection.state = ConnectionState.WAITING_TO_RECONNECT;
        run(new QuitCommand(), "quit", "", "testnet");
        assertEquals(1, connection.disconnects.size());
    }

    @Test
    void quitWhenAlreadyDisconnectedIsAnError() {
        connection.state = ConnectionState.DISCONNECTED;
        assertOneError(run(new QuitCommand(), "quit", "", "#chan"), "Not connected to testnet");
        assertTrue(connection.disconnects.isEmpty());
    }

    @Test
    void ignoreAddsNormalisedMasksPerNetworkAndLists() {
        IgnoreList ignores = new IgnoreList(protocol);
        IgnoreCommand ignore = new IgnoreCommand(ignores);
        assertEquals(List.of("No ignores on testnet"), run(ignore, "ignore", "", "#chan").replies);
        assertEquals(List.of("Ignoring troll!*@* on testnet"), run(ignore, "ignore", "troll", "#chan").replies);
        run(ignore, "ignore", "*@spam.example", "#chan");
        assertEquals(List.of("TROLL!*@* is already ignored on testnet"),
                run(ignore, "ignore", "TROLL", "#chan").replies);
        assertEquals(List.of("Ignored on testnet: troll!*@*, *!*@spam.example"),
                run(ignore, "ignore", "", "#chan").replies);
        assertEquals(List.of("troll!*@*", "*!*@spam.example"), ignores.masks("testnet"));
        assertEquals(List.of(), ignores.masks("othernet"));
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void ignoredSourcesMatchUnderTheCaseMapping() {
        IgnoreList ignores = new IgnoreList(protocol);
        ignores.add("testnet", "troll[away]", CaseMapping.RFC1459);
        ignores.add("testnet", "*@spam.example", CaseMapping.RFC1459);
        assertTrue(ignores.isIgnored("testnet", "TROLL{AWAY}!x@y", CaseMapping.RFC1459));
        assertTrue(ignores.isIgnored("testnet", "anyone!u@spam.example", CaseMapping.RFC1459));
        assertFalse(ignores.isIgnored("testnet", "friend!u@good.example", CaseMapping.RFC1459));
        assertFalse(ignores.isIgnored("othernet", "troll[away]!x@y", CaseMapping.RFC1459));
    }

    @Test
    void ignoreRefusesEverybodyAndExtraArguments() {
        IgnoreCommand ignore = new IgnoreCommand(new IgnoreList(protocol));
        assertOneError(run(ignore, "ignore", "*", "#chan"), "Refusing to ignore everybody");
        assertOneError(run(ignore, "ignore", "a b", "#chan"), "Usage: /ignore");
        FakeInvocation outside = new FakeInvocation("ignore", "", "console", null);
        ignore.execute(outside);
        assertOneError(outside, "/ignore needs a network");
    }

    @Test
    void unignoreRemovesAMaskOrSaysItWasNotThere() {
        IgnoreList ignores = new IgnoreList(protocol);
        run(new IgnoreCommand(ignores), "ignore", "troll", "#chan");
        UnignoreCommand unignore = new UnignoreCommand(ignores);
        assertEquals(List.of("No longer ignoring troll!*@* on testnet"),
                run(unignore, "unignore", "Troll", "#chan").replies);
        assertEquals(List.of(), ignores.masks("testnet"));
        assertOneError(run(unignore, "unignore", "troll", "#chan"), "troll!*@* is not ignored on testnet");
        assertOneError(run(unignore, "unignore", "", "#chan"), "Usage: /unignore");
    }

    @Test
    void ctcpSendsTheQueryInCapitalsWithItsArguments() {
        run(new CtcpCommand(protocol), "ctcp", "ann version", "#chan");
        run(new CtcpCommand(protocol), "ctcp", "#chan TIME", "#chan");
        run(new CtcpCommand(protocol), "ctcp", "ann userinfo  with  spaces", "#chan");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "ann", "\u0001VERSION\u0001"),
                IrcMessage.of("PRIVMSG", "#chan", "\u0001TIME\u0001"),
                IrcMessage.of("PRIVMSG", "ann", "\u0001USERINFO with  spaces\u0001")), connection.sent);
    }

    @Test
    void ctcpNeedsATargetAndAQueryAndLeavesActionsToMe() {
        assertOneError(run(new CtcpCommand(protocol), "ctcp", "ann", "#chan"), "Usage: /ctcp");
        assertOneError(run(new CtcpCommand(protocol), "ctcp", "ann action waves", "#chan"), "Use /me");
        assertTrue(connection.sent.isEmpty(), connection.sent.toString());
    }

    @Test
    void pingSendsTheTimeNowForTheRoundTrip() {
        run(new PingCommand(protocol, () -> 1_796_239_568_123L), "ping", "ann", "#chan");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "ann", "\u0001PING 1796239568123\u0001")), connection.sent);
        assertOneError(run(new PingCommand(protocol, () -> 0), "ping", "", "#chan"), "Usage: /ping");
    }

    @Test
    void whoWhowasAndMotdAskTheServer() {
        run(new WhoCommand(), "who", "#chan", "#chan");
        run(new WhowasCommand(), "whowas", "gone", "testnet");
        run(new MotdCommand(), "motd", "", "testnet");
        run(new MotdCommand(), "motd", "other.example", "testnet");
        assertEquals(List.of(IrcMessage.of("WHO", "#chan"), IrcMessage.of("WHOWAS", "gone"), IrcMessage.of("MOTD"),
                IrcMessage.of("MOTD", "other.example")), connection.sent);
        assertOneError(run(new WhoCommand(), "who", "", "#chan"), "Usage: /who");
        assertOneError(run(new WhowasCommand(), "whowas", ":x", "#chan"), "':x' is not a valid");
    }
}
