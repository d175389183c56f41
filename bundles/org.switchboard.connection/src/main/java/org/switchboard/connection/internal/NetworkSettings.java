package org.switchboard.connection.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.lang3.StringUtils;

/**
 * A network's configuration, validated and immutable. Built from {@link NetworkConfig} in OSGi, or with
 * {@link #builder} in tests. Its {@link #toString()} never includes a secret.
 */
public final class NetworkSettings {

    /** SASL mechanisms this bundle speaks. */
    public static final Set<String> SASL_MECHANISMS = Set.of("NONE", "PLAIN", "EXTERNAL", "SCRAM-SHA-256");

    final String name;
    final List<ServerAddress> servers;
    final String nick;
    final List<String> alternateNicks;
    final String userName;
    final String realName;
    final String serverPassword;
    final String saslMechanism;
    final String saslUser;
    final String saslPassword;
    final boolean saslAllowPlaintext;
    final boolean saslRequired;
    final List<ChannelKey> autojoin;
    final Charset fallbackCharset;
    final boolean autoConnect;
    final boolean tlsInsecureSkipVerify;
    final List<String> pinnedFingerprints;
    final String trustStore;
    final String trustStorePassword;
    final String clientKeyStore;
    final String clientKeyStorePassword;
    final int floodBurst;
    final int floodIntervalMillis;
    final int sendQueueCapacity;
    final int reconnectMinDelayMillis;
    final int reconnectMaxDelayMillis;
    final int connectTimeoutMillis;
    final int motdWaitMillis;
    final String quitMessage;

    /** A channel to join, with its key or null. */
    public record ChannelKey(String channel, String key) {
        static ChannelKey parse(String entry) {
            String[] parts = StringUtils.split(entry.trim(), ' ');
            if (parts.length == 0) {
                throw new IllegalArgumentException("an autojoin entry is empty; give '#channel' or '#channel key'");
            }
            if (parts.length > 2) {
                // the rest is (or holds) the channel's key: a secret, which would reach the log with the message
                throw new IllegalArgumentException("autojoin entry for " + parts[0]
                        + " is not '#channel' or '#channel key' (a key holds no spaces)");
            }
            return new ChannelKey(parts[0], parts.length == 2 ? parts[1] : null);
        }
    }

    private NetworkSettings(Builder b) {
        name = require(b.name, "network name");
        if (b.servers.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' has no servers");
        }
        servers = List.copyOf(b.servers);
        nick = require(b.nick, "nick");
        if (StringUtils.containsAny(nick, " ,*?!@:") || nick.startsWith("#") || nick.startsWith("$")) {
            throw new IllegalArgumentException("nick '" + nick + "' contains characters IRC does not allow");
        }
        alternateNicks = List.copyOf(b.alternateNicks);
        userName = StringUtils.defaultIfBlank(b.userName, nick).replace(' ', '_');
        realName = StringUtils.defaultIfBlank(b.realName, nick);
        serverPassword = StringUtils.trimToNull(b.serverPassword);
        saslMechanism = StringUtils.defaultIfBlank(b.saslMechanism, "NONE").trim().toUpperCase(Locale.ROOT);
        if (!SASL_MECHANISMS.contains(saslMechanism)) {
            throw new IllegalArgumentException("SASL mechanism '" + b.saslMechanism + "' is not one of "
                    + SASL_MECHANISMS);
        }
        saslUser = StringUtils.defaultIfBlank(b.saslUser, nick);
        saslPassword = b.saslPassword == null ? "" : b.saslPassword;
        if ((saslMechanism.equals("PLAIN") || saslMechanism.equals("SCRAM-SHA-256")) && saslPassword.isEmpty()) {
            throw new IllegalArgumentException("SASL " + saslMechanism + " needs a password (.sasl.password)");
        }
        saslAllowPlaintext = b.saslAllowPlaintext;
        saslRequired = b.saslRequired;
        autojoin = b.autojoin.stream().filter(StringUtils::isNotBlank).map(ChannelKey::parse).toList();
        Charset charset;
        try {
            charset = Charset.forName(StringUtils.defaultIfBlank(b.encodingFallback, "windows-1252").trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown fallback encoding '" + b.encodingFallback + "'");
        }
        fallbackCharset = charset;
        autoConnect = b.autoConnect;
        tlsInsecureSkipVerify = b.tlsInsecureSkipVerify;
        pinnedFingerprints = b.pinnedFingerprints.stream().map(NetworkSettings::normalizeFingerprint)
                .filter(StringUtils::isNotEmpty).toList();
        trustStore = StringUtils.trimToNull(b.trustStore);
        trustStorePassword = b.trustStorePassword;
        clientKeyStore = StringUtils.trimToNull(b.clientKeyStore);
        clientKeyStorePassword = b.clientKeyStorePassword;
        floodBurst = Math.max(1, b.floodBurst);
        floodIntervalMillis = Math.max(0, b.floodIntervalMillis);
        sendQueueCapacity = Math.max(1, b.sendQueueCapacity);
        reconnectMinDelayMillis = Math.max(1, b.reconnectMinDelayMillis);
        reconnectMaxDelayMillis = Math.max(reconnectMinDelayMillis, b.reconnectMaxDelayMillis);
        connectTimeoutMillis = Math.max(100, b.connectTimeoutMillis);
        motdWaitMillis = Math.max(0, b.motdWaitMillis);
        quitMessage = StringUtils.defaultIfBlank(b.quitMessage, "Switchboard");
    }

    /** Lower-case hex without separators. */
    static String normalizeFingerprint(String text) {
        return StringUtils.deleteWhitespace(StringUtils.defaultString(text)).replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static String require(String value, String what) {
        if (StringUtils.isBlank(value)) {
            throw new IllegalArgumentException("the " + what + " is missing");
        }
        return value.trim();
    }

    public String name() {
        return name;
    }

    public boolean autoConnect() {
        return autoConnect;
    }

    public String quitMessage() {
        return quitMessage;
    }

    public static NetworkSettings from(NetworkConfig config) {
        Builder b = builder(config.irc_network(), config.nick());
        for (String server : config.servers() == null ? new String[0] : config.servers()) {
            if (StringUtils.isNotBlank(server)) {
                b.server(ServerAddress.parse(server));
            }
        }
        return b.alternateNicks(List.of(config.alternateNicks()))
                .userName(config.userName())
                .realName(config.realName())
                .serverPassword(config._serverPassword())
                .sasl(config.sasl_mechanism(), config.sasl_user(), config._sasl_password())
                .saslAllowPlaintext(config.sasl_allowPlaintext())
                .saslRequired(config.sasl_required())
                .autojoin(List.of(config.autojoin()))
                .encodingFallback(config.encoding_fallback())
                .autoConnect(config.autoConnect())
                .tlsInsecureSkipVerify(config.tls_insecureSkipVerify())
                .pinnedFingerprints(List.of(config.tls_pinnedFingerprints()))
                .trustStore(config.tls_trustStore(), config._tls_trustStorePassword())
                .clientKeyStore(config.tls_clientKeyStore(), config._tls_clientKeyStorePassword())
                .flood(config.flood_burst(), config.flood_intervalMillis())
                .sendQueueCapacity(config.sendQueue_capacity())
                .reconnect(config.reconnect_minDelayMillis(), config.reconnect_maxDelayMillis())
                .connectTimeoutMillis(config.connectTimeoutMillis())
                .motdWaitMillis(config.motdWaitMillis())
                .quitMessage(config.quitMessage())
                .build();
    }

    public static Builder builder(String name, String nick) {
        return new Builder(name, nick);
    }

    @Override
    public String toString() {
        return "network " + name + " " + servers + " as " + nick + " (SASL " + saslMechanism + ")";
    }

    /** Mutable builder with the same defaults as {@link NetworkConfig}. */
    public static final class Builder {
        private final String name;
        private final String nick;
        private final List<ServerAddress> servers = new ArrayList<>();
        private List<String> alternateNicks = List.of();
        private String userName = "";
        private String realName = "Switchboard user";
        private String serverPassword;
        private String saslMechanism = "NONE";
        private String saslUser = "";
        private String saslPassword = "";
        private boolean saslAllowPlaintext;
        private boolean saslRequired = true;
        private List<String> autojoin = List.of();
        private String encodingFallback = "windows-1252";
        private boolean autoConnect = true;
        private boolean tlsInsecureSkipVerify;
        private List<String> pinnedFingerprints = List.of();
        private String trustStore;
        private String trustStorePassword;
        private String clientKeyStore;
        private String clientKeyStorePassword;
        private int floodBurst = 8;
        private int floodIntervalMillis = 2000;
        private int sendQueueCapacity = 500;
        private int reconnectMinDelayMillis = 2000;
        private int reconnectMaxDelayMillis = 60000;
        private int connectTimeoutMillis = 15000;
        private int motdWaitMillis = 10000;
        private String quitMessage = "Switchboard";

        private Builder(String name, String nick) {
            this.name = name;
            this.nick = nick;
        }

        public Builder server(ServerAddress server) {
            servers.add(server);
            return this;
        }

        public Builder server(String host, int port, boolean tls) {
            return server(new ServerAddress(host, port, tls));
        }

        public Builder alternateNicks(List<String> value) {
            alternateNicks = value;
            return this;
        }

        public Builder userName(String value) {
            userName = value;
            return this;
        }

        public Builder realName(String value) {
            realName = value;
            return this;
        }

        public Builder serverPassword(String value) {
            serverPassword = value;
            return this;
        }

        public Builder sasl(String mechanism, String user, String password) {
            saslMechanism = mechanism;
            saslUser = user;
            saslPassword = password;
            return this;
        }

        public Builder saslAllowPlaintext(boolean value) {
            saslAllowPlaintext = value;
            return this;
        }

        public Builder saslRequired(boolean value) {
            saslRequired = value;
            return this;
        }

        public Builder autojoin(List<String> value) {
            autojoin = value;
            return this;
        }

        public Builder encodingFallback(String value) {
            encodingFallback = value;
            return this;
        }

        public Builder autoConnect(boolean value) {
            autoConnect = value;
            return this;
        }

        public Builder tlsInsecureSkipVerify(boolean value) {
            tlsInsecureSkipVerify = value;
            return this;
        }

        public Builder pinnedFingerprints(List<String> value) {
            pinnedFingerprints = value;
            return this;
        }

        public Builder trustStore(String path, String password) {
            trustStore = path;
            trustStorePassword = password;
            return this;
        }

        public Builder clientKeyStore(String path, String password) {
            clientKeyStore = path;
            clientKeyStorePassword = password;
            return this;
        }

        public Builder flood(int burst, int intervalMillis) {
            floodBurst = burst;
            floodIntervalMillis = intervalMillis;
            return this;
        }

        public Builder sendQueueCapacity(int value) {
            sendQueueCapacity = value;
            return this;
        }

        public Builder reconnect(int minDelayMillis, int maxDelayMillis) {
            reconnectMinDelayMillis = minDelayMillis;
            reconnectMaxDelayMillis = maxDelayMillis;
            return this;
        }

        public Builder connectTimeoutMillis(int value) {
            connectTimeoutMillis = value;
            return this;
        }

        public Builder motdWaitMillis(int value) {
            motdWaitMillis = value;
            return this;
        }

        public Builder quitMessage(String value) {
            quitMessage = value;
            return this;
        }

        public NetworkSettings build() {
            return new NetworkSettings(this);
        }
    }
}
