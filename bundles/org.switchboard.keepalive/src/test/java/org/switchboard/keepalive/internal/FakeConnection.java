package org.switchboard.keepalive.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

/** An IrcConnection double that records what the keepalive asks of it. */
final class FakeConnection implements IrcConnection {
    volatile ConnectionState state = ConnectionState.CONNECTED;
    final List<IrcMessage> sent = new CopyOnWriteArrayList<>();
    final List<Long> lags = new CopyOnWriteArrayList<>();
    final List<String> reconnects = new CopyOnWriteArrayList<>();

    @Override
    public String network() {
        return "fake";
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public String nick() {
        return "alice";
    }

    @Override
    public String ownSource() {
        return "alice!a@h";
    }

    @Override
    public Isupport isupport() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> enabledCapabilities() {
        return Set.of();
    }

    @Override
    public boolean send(IrcMessage message) {
        sent.add(message);
        return true;
    }

    @Override
    public void connect() {
    }

    @Override
    public void disconnect(String reason) {
    }

    @Override
    public long lagMillis() {
        return lags.isEmpty() ? -1 : lags.get(lags.size() - 1);
    }

    @Override
    public void reportLag(long lagMillis) {
        lags.add(lagMillis);
    }

    @Override
    public void reconnect(String reason) {
        reconnects.add(reason);
    }
}
