package org.switchboard.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;

/** A connection that records what is sent; its ISUPPORT is the protocol bundle's real implementation. */
public final class FakeConnection implements IrcConnection {

    public final List<IrcMessage> sent = new ArrayList<>();
    public final Set<String> capabilities = new HashSet<>();
    public ConnectionState state = ConnectionState.CONNECTED;
    public String nick = "me";
    /** When set, {@link #send} refuses every message, as a connection whose queue is closed does. */
    public boolean refusing;
    private final String network;
    private final Isupport isupport;

    public FakeConnection(String network, IrcProtocol protocol) {
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
        return nick;
    }

    @Override
    public String ownSource() {
        return nick + "!me@client.example";
    }

    @Override
    public Isupport isupport() {
        return isupport;
    }

    @Override
    public Set<String> enabledCapabilities() {
        return capabilities;
    }

    @Override
    public boolean send(IrcMessage message) {
        if (refusing) {
            return false;
        }
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
