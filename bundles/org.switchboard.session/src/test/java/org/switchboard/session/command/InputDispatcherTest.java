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
    void aLineThatCouldNotBeSentIsShownWithoutAServicesPassword() {
        session.onMessage(connection, protocol.parse(":NickServ!s@services. PRIVMSG me :This nick is registered."));
        connection.refusing = true;
        dispatcher.execute("net", "NickServ", "identify hunter2-secret");
        BufferLine line = lastLine("NickServ");
        assertEquals(LineKind.ERROR, line.kind());
        assertEquals("Not sent (the connection refused it): identify ****", line.text());
    }

    @Test
    void aLineTheServersLineLimitLeavesNoRoomForIsRefusedWithTheReason() {
        connection.isupport().apply(protocol.parse(":srv 005 me LINELEN=40 :are supported by this server"));
        dispatcher.execute("net", "#chan", "hello there");
        BufferLine line = lastLine("#chan");
        assertEquals(LineKind.ERROR, line.kind());
        assertTrue(line.text().startsWith("Not sent (The line limit of 40 bytes") && line.text().endsWith(
                "): hello there"), line.text());
        assertTrue(connection.sent.isEmpty());
    }

    @Test
    void aServicesLineThatCannotBeSplitIsRefusedWithoutItsPassword() {
        session.onMessage(connection, protocol.parse(":NickServ!s@services. PRIVMSG me :This nick is registered."));
        connection.isupport().apply(protocol.parse(":srv 005 me LINELEN=40 :are supported by this server"));
        dispatcher.execute("net", "NickServ", "identify hunter2-secret");
        BufferLine line = lastLine("NickServ");
        assertEquals(LineKind.ERROR, line.kind());
        assertEquals("Not sent (it cannot go out as typed): identify ****", line.text());
        assertTrue(connection.sent.isEmpty());
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

    @Test
    @org.junit.jupiter.api.Timeout(30) // a regression would hang on the first /block, not fail
    void aBlockingHandlerDoesNotHoldUpTheInputAfterIt() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        // Patience enough for a quick command on a loaded machine, so that the usual path (it finishes in time) is
        // the one tested; the test waits for the workers itself, so a slower one does not fail it either.
        InputDispatcher patient = new InputDispatcher(session, protocol, registry,
                network -> java.util.Optional.of(connection),
                new org.switchboard.session.callback.CallbackMonitorSlot(System.getLogger("test")),
                java.time.Duration.ofSeconds(2));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Semaphore blockStarted = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.Semaphore blockDone = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.CountDownLatch joined = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        List<String> joinArguments = java.util.Collections.synchronizedList(new ArrayList<>());
        CommandHandler block = inv -> {
            calls.incrementAndGet();
            blockStarted.release();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inv.reply("block done");
            blockDone.release();
        };
        registry.add(block, props("block"));
        registry.add(inv -> {
            joinArguments.add(inv.arguments());
            joined.countDown();
        }, props("join"));
        try {
            patient.execute("net", "#chan", "/block");
            assertEquals("/block is taking a while; it goes on in the background", lastLine("#chan").text());
            assertTrue(blockStarted.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "/block runs");

            // The same caller goes on: the next command and plain text are handled while /block still blocks.
            patient.execute("net", "#chan", "/join #next");
            assertTrue(joined.await(10, java.util.concurrent.TimeUnit.SECONDS), "/join ran while /block blocks");
            assertEquals(List.of("#next"), joinArguments);
            patient.execute("net", "#chan", "still typing");
            assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "still typing")), connection.sent);

            // A stuck handler is not handed another call (and another thread).
            patient.execute("net", "#chan", "/block");
            assertEquals(LineKind.ERROR, lastLine("#chan").kind());
            assertEquals("/block is still busy with an earlier call; not run again", lastLine("#chan").text());
            assertEquals(1, calls.get());

            release.countDown();
            assertTrue(blockDone.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "/block returned");
            // the worker lets go of the handler only after it returned
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (patient.isRunning(block)) {
                assertTrue(System.nanoTime() < deadline, "the worker let go of /block");
                Thread.sleep(5);
            }
            // Once it has finished it can be used again.
            Buffer chan = session.find("net", "#chan").orElseThrow();
            long before = chan.endLine();
            patient.execute("net", "#chan", "/block");
            assertTrue(blockDone.tryAcquire(10, java.util.concurrent.TimeUnit.SECONDS), "/block ran again");
            assertEquals(2, calls.get());
            List<BufferLine> after = chan.lines(before, chan.endLine());
            assertTrue(after.stream().anyMatch(line -> line.text().equals("block done")), after.toString());
            assertTrue(after.stream().noneMatch(line -> line.kind() == LineKind.ERROR), after.toString());
        } finally {
            release.countDown();
            patient.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void closingInterruptsAHandlerStillRunningAndRefusesNewCalls() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        InputDispatcher patient = new InputDispatcher(session, protocol, registry,
                network -> java.util.Optional.of(connection),
                new org.switchboard.session.callback.CallbackMonitorSlot(System.getLogger("test")),
                java.time.Duration.ofMillis(50));
        java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
        registry.add(inv -> {
            try {
                Thread.sleep(java.time.Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }, props("sleep"));
        registry.add(recorder, props("join"));
        patient.execute("net", "#chan", "/sleep");
        patient.close();
        assertTrue(interrupted.await(10, java.util.concurrent.TimeUnit.SECONDS), "the sleeping handler was interrupted");
        patient.execute("net", "#chan", "/join #late");
        assertTrue(invocations.isEmpty());
        assertEquals("/join not run: the client is shutting down", lastLine("#chan").text());
    }

    @Test
    void quickHandlersRunInTheOrderTheyWereTyped() {
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        dispatcher.bindHandler(inv -> order.add("a " + inv.arguments()), props("a"));
        dispatcher.bindHandler(inv -> order.add("b " + inv.arguments()), props("b"));
        for (int i = 0; i < 50; i++) {
            dispatcher.execute("net", "#chan", (i % 2 == 0 ? "/a " : "/b ") + i);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add((i % 2 == 0 ? "a " : "b ") + i);
        }
        assertEquals(expected, order);
    }

    private void awaitLastLine(String buffer, String text) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!text.equals(lastLine(buffer).text())) {
            assertTrue(System.nanoTime() < deadline, "no line \"" + text + "\" in " + buffer + "; last: " + lastLine(buffer));
            Thread.sleep(5);
        }
    }

    @Test
    void aCommandGivenSeveralNamesAnswersToEachAndGoesAwayWithAll() {
        Map<String, Object> properties = Map.of(CommandHandler.NAME_PROPERTY, new String[] {"kickban", "kb"},
                CommandHandler.USAGE_PROPERTY, "/kickban <nick>", CommandHandler.DESCRIPTION_PROPERTY, "Kick and ban");
        dispatcher.bindHandler(recorder, properties);
        dispatcher.execute("net", "#chan", "/kb bob");
        dispatcher.execute("net", "#chan", "/KICKBAN ann");
        assertEquals(List.of("bob", "ann"), invocations.stream().map(CommandInvocation::arguments).toList());

        dispatcher.unbindHandler(recorder, properties);
        dispatcher.execute("net", "#chan", "/kb bob");
        assertEquals(2, invocations.size());
        assertEquals(LineKind.ERROR, lastLine("#chan").kind());
        assertTrue(lastLine("#chan").text().startsWith("Unknown command: /kb"), lastLine("#chan").text());
    }
}
