package org.switchboard.bench.ui;

import java.util.Set;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connected network without a socket: the bench feeds the session directly, and what is sent is dropped. */
final class BenchConnection implements IrcConnection {

    private final String network;
    private final Isupport isupport;

    BenchConnection(String network, IrcProtocol protocol) {
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
        return "sam";
    }

    @Override
    public String ownSource() {
        return "sam!~sam@client.example";
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
        return 0;
    }

    @Override
    public void reportLag(long lagMillis) {
    }

    @Override
    public void reconnect(String reason) {
    }
}
