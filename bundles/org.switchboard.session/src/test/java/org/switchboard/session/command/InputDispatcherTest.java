package org.switchboard.session.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.FakeConnection;
import org.switchboard.session.SessionComponent;

class InputDispatcherTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private SessionComponent session;
    private FakeConnection connection;
    private CommandDispatcherComponent dispatcher;
    private final List<CommandInvocation> invocations = new ArrayList<>();
    private final CommandHandler recorder = invocations::add;

    @BeforeEach
    void setUp() {
        session = new SessionComponent(protocol, 1000);
        connection = new FakeConnection("net", protocol);
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        dispatcher = new CommandDispatcherComponent(session, protocol);
        dispatcher.bindConnection(connection);
    }

    private static Map<String, Object> props(String name) {
        return Map.of(CommandHandler.NAME_PROPERTY, name, CommandHandler.USAGE_PROPERTY, "/" + name + " args",
                CommandHandler.DESCRIPTION_PROPERTY, "Does " + name);
    }

    private BufferLine lastLine(String buffer) {
        Buffer b = session.find("net", buffer).orElseThrow();
        return b.lines(b.endLine() - 1, b.endLine()).get(0);
    }

    @Test
    void slashCommandsReachTheirHandlerCaseInsensitively() {
        dispatcher.bindHandler(recorder, props("join"));
        dispatcher.execute("net", "#chan", "/JOIN #a,#b  key");
        assertEquals(1, invocations.size());
        CommandInvocation invocation = invocations.get(0);
        assertEquals("join", invocation.name());
        assertEquals("#a,#b  key", invocation.arguments());
        assertEquals(List.of("#a,#b", "key"), List.of(invocation.argumentList()));
        assertEquals("net", invocation.network());
        assertEquals("#chan", invocation.buffer());
        assertTrue(invocation.connection().isPresent());
        invocation.reply("done");
        assertEquals(new BufferLine(lastLine("#chan").time(), LineKind.INFO, null, "done", 0), lastLine("#chan"));
    }

    @Test
    void unknownCommandAnswersWithAHint() {
        dispatcher.execute("net", "#chan", "/foo bar");
        BufferLine line = lastLine("#chan");
        assertEquals(LineKind.ERROR, line.kind());
        assertEquals("Unknown command: /foo — type /help for the list of commands", line.text());
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void removingAHandlerRemovesItsCommandAtOnce() {
        dispatcher.bindHandler(recorder, props("join"));
        assertTrue(dispatcher.hasCommand("join"));
        dispatcher.unbindHandler(recorder, props("join"));
        assertFalse(dispatcher.hasCommand("join"));
        dispatcher.execute("net", "#chan", "/join #x");
        assertTrue(invocations.isEmpty());
        assertTrue(lastLine("#chan").text().startsWith("Unknown command: /join"));
    }

    @Test
    void unbindingAnOldHandlerKeepsItsReplacement() {
        CommandHandler replacement = invocations::add;
        dispatcher.bindHandler(recorder, props("join"));
        dispatcher.bindHandler(replacement, props("join"));
        dispatcher.unbindHandler(recorder, props("join"));
        assertTrue(dispatcher.hasCommand("join"));
    }

    @Test
    void helpListsTheRegisteredCommands() {
        dispatcher.bindHandler(recorder, props("part"));
        dispatcher.bindHandler(recorder, props("join"));
        Buffer chan = session.find("net", "#chan").orElseThrow();
        long before = chan.endLine();
        dispatcher.execute("net", "#chan", "/help");
        List<String> lines = chan.lines(before, chan.endLine()).stream().map(BufferLine::text).toList();
        assertEquals(List.of("Commands (3):", "  /help [command] — list the commands, or explain one",
                "  /join args — Does join", "  /part args — Does part"), lines);
        dispatcher.execute("net", "#chan", "/help /part");
        assertEquals("/part args — Does part", lastLine("#chan").text());
        assertEquals(List.of("join", "part"), dispatcher.commands().stream().map(c -> c.name()).toList());
    }

    @Test
    void plainTextIsSentToTheBufferTarget() {
        dispatcher.execute("net", "#chan", "hello there");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "hello there")), connection.sent);
    }

    @Test
    void doubleSlashSendsTextStartingWithASlash() {
        dispatcher.execute("net", "#chan", "//join is a command");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "/join is a command")), connection.sent);
    }

    @Test
    void longTextIsSplitAndPastedLinesAreSentOneByOne() {
        String longText = "word ".repeat(200).strip();
        dispatcher.execute("net", "#chan", longText + "\nsecond line");
        assertTrue(connection.sent.size() >= 3, "split into several messages: " + connection.sent.size());
        StringBuilder rejoined = new StringBuilder();
        for (IrcMessage m : connection.sent.subList(0, connection.sent.size() - 1)) {
            assertEquals("#chan", m.param(0));
            rejoined.append(m.param(1)).append(' ');
        }
        assertEquals(longText, rejoined.toString().strip().replaceAll(" +", " "));
        assertEquals(IrcMessage.of("PRIVMSG", "#chan", "second line"), connection.sent.get(connection.sent.size() - 1));
    }

    @Test
    void textInTheServerBufferIsRefusedWithAnExplanation() {
        dispatcher.execute("net", "net", "hello?");
        assertTrue(connection.sent.isEmpty());
        assertEquals(LineKind.ERROR, lastLine("net").kind());
    }

    @Test
    void aThrowingHandlerBecomesAnErrorLine() {
        dispatcher.bindHandler(inv -> {
            throw new IllegalStateException("boom");
        }, props("bad"));
        dispatcher.execute("net", "#chan", "/bad");
        assertEquals("/bad failed: boom", lastLine("#chan").text());
    }

    @Test
    void blankInputDoesNothing() {
        Buffer chan = session.find("net", "#chan").orElseThrow();
        long before = chan.endLine();
        dispatcher.execute("net", "#chan", "   ");
        assertEquals(before, chan.endLine());
        assertTrue(connection.sent.isEmpty());
    }
}
