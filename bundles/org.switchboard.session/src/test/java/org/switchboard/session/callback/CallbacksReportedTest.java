package org.switchboard.session.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.FakeConnection;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;
import org.switchboard.session.model.SessionModel;

/** Commands and session listeners report to the plugin manager's monitor while one is bound, and work without. */
class CallbacksReportedTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final SessionComponent session = new SessionComponent(protocol, 1000);
    private final FakeConnection connection = new FakeConnection("net", protocol);
    private final CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
    private final RecordingMonitor monitor = new RecordingMonitor();

    CallbacksReportedTest() {
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        dispatcher.bindConnection(connection);
    }

    @Test
    void aCommandIsWatchedWhileItRunsAndItsFailureReported() {
        CommandHandler boom = invocation -> {
            throw new IllegalStateException("boom");
        };
        CommandHandler fine = invocation -> invocation.reply("ok");
        dispatcher.bindHandler(boom, Map.of(CommandHandler.NAME_PROPERTY, "boom"));
        dispatcher.bindHandler(fine, Map.of(CommandHandler.NAME_PROPERTY, "fine"));
        dispatcher.bindCallbackMonitor(monitor);

        dispatcher.execute("net", "#chan", "/fine");
        dispatcher.execute("net", "#chan", "/boom now");
        assertEquals(List.of("started /fine", "closed /fine", "started /boom", "closed /boom", "failed /boom: boom"),
                monitor.events);
        assertSame(boom, monitor.lastCallback);
        assertTrue(lastLine().endsWith("/boom failed: boom"), "the user still hears of it: " + lastLine());

        dispatcher.unbindCallbackMonitor(monitor);
        dispatcher.execute("net", "#chan", "/boom again");
        assertEquals(5, monitor.events.size(), "unbound: the failure is only logged");
        assertTrue(lastLine().endsWith("/boom failed: boom"));
    }

    @Test
    void aThrowingSessionListenerIsReportedAndTheOthersStillHear() {
        List<Object> heard = new ArrayList<>();
        SessionListener throwing = event -> {
            throw new IllegalArgumentException("listener");
        };
        session.bindListener(throwing);
        session.bindListener(heard::add);
        session.bindCallbackMonitor(monitor);
        session.onMessage(connection, protocol.parse(":bob!b@h PRIVMSG #chan :hi"));
        assertTrue(monitor.events.stream().anyMatch(e -> e.matches("failed SessionListener \\w+: listener")),
                monitor.events.toString());
        assertSame(throwing, monitor.lastCallback);
        assertTrue(!heard.isEmpty(), "the listener after the throwing one was told too");
    }

    @Test
    void aSessionListenerThrowingAnErrorIsReportedAndNeitherTheOthersNorTheLineAreLost() {
        List<Object> heard = new ArrayList<>();
        // what a plugin whose bundle was updated under it throws
        SessionListener broken = event -> {
            throw new NoClassDefFoundError("org/example/plugin/Gone");
        };
        session.bindListener(broken);
        session.bindListener(heard::add);
        session.bindCallbackMonitor(monitor);
        session.onMessage(connection, protocol.parse(":bob!b@h PRIVMSG #chan :still here"));
        assertTrue(monitor.events.stream().anyMatch(e -> e.endsWith(": org/example/plugin/Gone")),
                monitor.events.toString());
        assertTrue(!heard.isEmpty(), "the listener after the broken one was told too");
        assertEquals("still here", lastLine());
    }

    @Test
    void aListenerFailingMidwayThroughAMessageDoesNotCutTheMessageShort() {
        session.onMessage(connection, protocol.parse(":me!me@h JOIN #other"));
        session.onMessage(connection, protocol.parse(":bob!b@h JOIN #chan"));
        session.onMessage(connection, protocol.parse(":bob!b@h JOIN #other"));
        List<SessionEvent.Type> heard = new ArrayList<>();
        session.bindListener(event -> {
            throw new AssertionError("a plugin's assert");
        });
        session.bindListener(event -> {
            throw new StackOverflowError();
        });
        session.bindListener(event -> heard.add(event.type()));
        session.bindCallbackMonitor(monitor);
        // bob leaves both channels: the members of each change, one event each, and each gets its line
        session.onMessage(connection, protocol.parse(":bob!b@h QUIT :bye"));
        for (String channel : List.of("#chan", "#other")) {
            var buffer = session.find("net", channel).orElseThrow();
            assertEquals("bob (b@h) has quit (bye)", buffer.lines(buffer.endLine() - 1, buffer.endLine()).get(0)
                    .text());
            assertTrue(buffer.members().stream().noneMatch(member -> member.nick().equals("bob")), channel);
        }
        assertEquals(2, heard.stream().filter(type -> type == SessionEvent.Type.MEMBERS_CHANGED).count(),
                heard.toString());
        assertTrue(monitor.events.stream().anyMatch(e -> e.endsWith(": a plugin's assert")), monitor.events.toString());
    }

    @Test
    void aBrokenVirtualMachineIsNotHiddenByTheListenerGuard() {
        SessionModel model = new SessionModel(100, monitor);
        List<SessionEvent> heard = new ArrayList<>();
        model.addListener(event -> {
            throw new OutOfMemoryError("Java heap space");
        });
        model.addListener(heard::add);
        assertThrows(OutOfMemoryError.class, () -> model.fire(SessionEvent.Type.BUFFER_ADDED, 1));
        assertTrue(monitor.events.isEmpty(), monitor.events.toString());
    }

    private String lastLine() {
        var buffer = session.find("net", "#chan").orElseThrow();
        return buffer.lines(buffer.endLine() - 1, buffer.endLine()).get(0).text();
    }

    private static final class RecordingMonitor implements CallbackMonitor {
        final List<String> events = new ArrayList<>();
        Object lastCallback;

        @Override
        public void failed(Object callback, String callbackName, Throwable failure) {
            lastCallback = callback;
            events.add("failed " + callbackName + ": " + failure.getMessage());
        }

        @Override
        public Call started(Object callback, String callbackName) {
            events.add("started " + callbackName);
            return () -> events.add("closed " + callbackName);
        }
    }
}
