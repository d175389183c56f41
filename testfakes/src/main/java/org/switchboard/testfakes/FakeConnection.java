package org.switchboard.testfakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.Isupport;

/** A connection that records what is sent, with fixed ISUPPORT values. */
public final class FakeConnection implements IrcConnection {

    public final List<IrcMessage> sent = new ArrayList<>();
    public ConnectionState state = ConnectionState.CONNECTED;
    public boolean refuse;
    public String chantypes = "#&";
    public Set<String> capabilities = Set.of();
    /** ISUPPORT tokens the server announced ({@code ELIST} → {@code CMNTU}, say). */
    public final Map<String, String> tokens = new HashMap<>();

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
        return "me!u@h";
    }

    @Override
    public Isupport isupport() {
        return new Isupport() {
            @Override
            public void apply(IrcMessage rplIsupport) {
            }

            @Override
            public void reset() {
            }

            @Override
            public Optional<String> token(String key) {
                return Optional.ofNullable(tokens.get(key));
            }

            @Override
            public Map<String, String> tokens() {
                return Map.copyOf(tokens);
            }

            @Override
            public Prefix prefix() {
                return new Prefix("ov", "@+");
            }

            @Override
            public String chantypes() {
                return chantypes;
            }

            @Override
            public ChanModes chanmodes() {
                return new ChanModes("beI", "k", "l", "imnst");
            }

            @Override
            public CaseMapping caseMapping() {
                return CaseMapping.RFC1459;
            }

            @Override
            public OptionalInt nicklen() {
                return OptionalInt.empty();
            }

            @Override
            public Optional<String> network() {
                return Optional.empty();
            }

            @Override
            public String statusmsg() {
                return "";
            }

            @Override
            public OptionalInt targmax(String command) {
                return OptionalInt.empty();
            }

            @Override
            public int linelen() {
                return 512;
            }

            @Override
            public OptionalInt monitor() {
                return OptionalInt.empty();
            }
        };
    }

    @Override
    public Set<String> enabledCapabilities() {
        return capabilities;
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
