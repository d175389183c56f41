package org.switchboard.test.throwing;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.ConnectionListener;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.session.SessionEvent;
import org.switchboard.api.session.SessionListener;

/**
 * Throws from every callback it registers: each message the connection reads, each session change, each
 * connection event, and the {@code /boom} command. It counts the calls so that a test can tell the callbacks
 * really ran (and really threw) rather than were never called.
 */
@Component(service = { IrcMessageListener.class, SessionListener.class, ConnectionListener.class,
        CommandHandler.class }, property = { CommandHandler.NAME_PROPERTY + "=boom", "switchboard.test=throwing" })
public final class ThrowingListeners implements IrcMessageListener, SessionListener, ConnectionListener, CommandHandler {

    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong sessionEvents = new AtomicLong();
    private final AtomicLong connectionEvents = new AtomicLong();

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        messages.incrementAndGet();
        throw new IllegalStateException("test bundle throws on " + message.command());
    }

    @Override
    public void sessionChanged(SessionEvent event) {
        sessionEvents.incrementAndGet();
        throw new IllegalStateException("test bundle throws on " + event.type());
    }

    @Override
    public void stateChanged(IrcConnection connection, ConnectionState previous, ConnectionState current,
            String detail) {
        connectionEvents.incrementAndGet();
        throw new IllegalStateException("test bundle throws on " + current);
    }

    @Override
    public void messageSent(IrcConnection connection, IrcMessage message) {
        connectionEvents.incrementAndGet();
        throw new IllegalStateException("test bundle throws after sending " + message.command());
    }

    @Override
    public void execute(CommandInvocation invocation) {
        throw new IllegalStateException("boom");
    }

    public long messagesSeen() {
        return messages.get();
    }

    public long sessionEventsSeen() {
        return sessionEvents.get();
    }

    public long connectionEventsSeen() {
        return connectionEvents.get();
    }
}
