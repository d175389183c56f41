package org.switchboard.feature.commands;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connection that records what is sent and whether it was told to disconnect. */
final class FakeConnection implements IrcConnection {

    final List<IrcMessage> sent = new ArrayList<>();
    final List<String> disconnects = new ArrayList<>();
    int connects;
    final Isupport isupport;
    ConnectionState state = ConnectionState.CONNECTED;
    boolean refuse;

    FakeConnection(IrcProtocol protocol) {
        isupport = protocol.newIsupport();
    }

    @Override
    public String network() {
        return "testnet";
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
        return "me!user@host.example";
    }

    @Override
    public Isupport isupport() {
        return isupport;
    }

    @Override
    public java.util.Set<String> enabledCapabilities() {
        return java.util.Set.of();
    }

    @Override
    public boolean send(IrcMessage message) {
        if (refuse) {
            return false;
        }
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
        state = ConnectionState.DISCONNECTED;
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
