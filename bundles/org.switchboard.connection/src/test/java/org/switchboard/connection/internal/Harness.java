package org.switchboard.connection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/**
 * Drives a {@link NetworkConnection} in tests: records everything it reports and answers PINGs the way the
 * keepalive bundle does (the connection itself never does).
 */
class Harness implements NetworkConnection.Events, AutoCloseable {

    static final IrcProtocolComponent PROTOCOL = new IrcProtocolComponent();
    private static final long TIMEOUT_NANOS = Duration.ofSeconds(10).toNanos();

    record StateChange(ConnectionState previous, ConnectionState current, String detail) {
    }

    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<IrcMessage> received = new CopyOnWriteArrayList<>();
    final List<IrcMessage> sent = new CopyOnWriteArrayList<>();
    final List<String> notices = new CopyOnWriteArrayList<>();
    final Set<String> capabilities = ConcurrentHashMap.newKeySet();
    volatile boolean answerPings = true;
    private int stateCursor;
    NetworkConnection connection;

    static NetworkSettings.Builder settings(int port) {
        return NetworkSettings.builder("testnet", "alice").server("127.0.0.1", port, false).realName("Alice Real")
                .reconnect(50, 200).flood(50, 10);
    }

    NetworkConnection start(NetworkSettings settings) {
        connection = new NetworkConnection(settings, PROTOCOL, this);
        connection.connect();
        return connection;
    }

    @Override
    public void message(IrcMessage message) {
        received.add(message);
        if (answerPings && message.is("PING")) {
            connection.send(new IrcMessage(Map.of(), null, "PONG", message.params()));
        }
    }

    @Override
    public synchronized void stateChanged(ConnectionState previous, ConnectionState current, String detail) {
        states.add(new StateChange(previous, current, detail));
        notifyAll();
    }

    @Override
    public void messageSent(IrcMessage message) {
        sent.add(message);
    }

    @Override
    public void notice(String text) {
        notices.add(text);
    }

    @Override
    public void lagChanged(long lagMillis) {
    }

    @Override
    public Set<String> requestedCapabilities() {
        return Set.copyOf(capabilities);
    }

    /** Waits for the next state change (after earlier awaits) into {@code state}; returns it. */
    synchronized StateChange awaitState(ConnectionState state) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (true) {
            while (stateCursor < states.size()) {
                StateChange change = states.get(stateCursor++);
                if (change.current() == state) {
                    return change;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("state " + state + " not reached; changes: " + states);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits until a received message matches. */
    IrcMessage awaitReceived(Predicate<IrcMessage> matcher) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            for (IrcMessage message : new ArrayList<>(received)) {
                if (matcher.test(message)) {
                    return message;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no matching message; received " + received);
    }

    /** Polls until the condition holds (a hang guard, not a timing assertion). */
    static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(10);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
