package org.switchboard.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connection that records what it is asked to do. */
final class FakeConnection implements IrcConnection {

    final List<IrcMessage> sent = new ArrayList<>();
    final List<String> disconnects = new ArrayList<>();
    int connects;
    ConnectionState state = ConnectionState.CONNECTED;
    long lag = -1;
    private final String network;
    private final Isupport isupport;

    FakeConnection(String network, IrcProtocol protocol) {
        this.network = network;
        this.isupport = protocol.newIsupport();
    }

    @Override
    public String network() {
        return network;
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public String nick() {
        return "me";
    }

    @Override
    public String ownSource() {
        return "me!me@client.example";
    }

    @Override
    public Isupport isupport() {
        return isupport;
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
        connects++;
    }

    @Override
    public void disconnect(String reason) {
        disconnects.add(String.valueOf(reason));
    }

    @Override
    public long lagMillis() {
        return lag;
    }

    @Override
    public void reportLag(long lagMillis) {
        lag = lagMillis;
    }

    @Override
    public void reconnect(String reason) {
    }
}
