package org.switchboard.feature.ctcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connected connection that records what is sent. */
final class FakeConnection implements IrcConnection {

    final List<IrcMessage> sent = new ArrayList<>();
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
        return ConnectionState.CONNECTED;
    }

    @Override
    public String nick() {
        return "Me[away]";
    }

    @Override
    public String ownSource() {
        return "Me[away]!u@h";
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
    }

    @Override
    public void disconnect(String reason) {
    }

    @Override
    public long lagMillis() {
        return -1;
    }

    @Override
    public void reportLag(long lagMillis) {
    }

    @Override
    public void reconnect(String reason) {
    }
}
