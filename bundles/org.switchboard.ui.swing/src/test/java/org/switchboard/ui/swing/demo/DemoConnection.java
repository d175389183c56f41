package org.switchboard.ui.swing.demo;

import java.util.Set;
import java.util.function.Consumer;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connection with no socket: what is sent is handed to {@code sent} as if the server had taken it. */
public final class DemoConnection implements IrcConnection {

    private final String network;
    private final Isupport isupport;
    private final Consumer<IrcMessage> sent;

    public DemoConnection(String network, IrcProtocol protocol, Consumer<IrcMessage> sent) {
        this.network = network;
        this.isupport = protocol.newIsupport();
        this.sent = sent;
    }

    private volatile long lag = 42;

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
        sent.accept(message);
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
