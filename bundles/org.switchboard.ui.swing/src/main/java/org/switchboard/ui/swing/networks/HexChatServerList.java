package org.switchboard.ui.swing.networks;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads HexChat's {@code servlist.conf}: blocks of {@code KEY=value} lines, each block starting with
 * {@code N=name}. Servers are {@code host/port}, a {@code +} before the port (or the network's SSL flag) meaning
 * TLS. Unknown keys are ignored, so newer HexChat files still import.
 */
public final class HexChatServerList {

    /** HexChat's per-network flag bits (servlist.h). */
    private static final int FLAG_USE_SSL = 4;
    private static final int FLAG_AUTO_CONNECT = 8;
    /** HexChat's login types for SASL. */
    private static final int LOGIN_SASL = 6;
    private static final int LOGIN_SASL_EXTERNAL = 10;

    private HexChatServerList() {
    }

    public static List<NetworkSettings> parse(String text) {
        List<NetworkSettings> networks = new ArrayList<>();
        Block block = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char key = line.charAt(0);
            String value = line.substring(2);
            if (key == 'N') {
                if (block != null) {
                    networks.add(block.build());
                }
                block = new Block(value);
            } else if (block != null) {
                block.put(key, value);
            }
        }
        if (block != null) {
            networks.add(block.build());
        }
        return networks;
    }

    private static final class Block {
        final String name;
        final List<String> servers = new ArrayList<>();
        final List<String> autojoin = new ArrayList<>();
        String nick = "";
        final List<String> alternates = new ArrayList<>();
        String user = "";
        String realName = "";
        String password = "";
        int flags;
        int login;

        Block(String name) {
            this.name = name;
        }

        void put(char key, String value) {
            switch (key) {
                case 'S' -> servers.add(value);
                case 'I' -> nick = value;
                case 'i' -> alternates.add(value);
                case 'U' -> user = value;
                case 'R' -> realName = value;
                case 'P' -> password = value;
                case 'F' -> flags = number(value);
                case 'L' -> login = number(value);
                case 'J' -> autojoin.addAll(channels(value));
                default -> {
                    // other settings (commands, encoding, favourites) have no counterpart here
                }
            }
        }

        private static int number(String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** {@code #a,#b key1,key2} (old style) or one channel with optional key per J line (new style). */
        private static List<String> channels(String value) {
            String[] parts = value.strip().split(" ", 2);
            String[] names = parts[0].split(",");
            String[] keys = parts.length > 1 ? parts[1].split(",") : new String[0];
            List<String> result = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (!names[i].isBlank()) {
                    result.add(i < keys.length && !keys[i].isBlank() ? names[i] + " " + keys[i] : names[i]);
                }
            }
            return result;
        }

        NetworkSettings build() {
            boolean tls = (flags & FLAG_USE_SSL) != 0;
            List<String> converted = new ArrayList<>();
            for (String server : servers) {
                converted.add(server(server, tls));
            }
            String sasl = login == LOGIN_SASL ? "PLAIN" : login == LOGIN_SASL_EXTERNAL ? "EXTERNAL" : "NONE";
            String saslPassword = login == LOGIN_SASL ? password : "";
            String serverPassword = login == LOGIN_SASL || login == LOGIN_SASL_EXTERNAL ? "" : password;
            return new NetworkSettings(name, converted, nick, alternates, user, realName.isEmpty()
                    ? "Switchboard user" : realName, serverPassword, sasl, login == LOGIN_SASL ? user : "",
                    saslPassword, autojoin, (flags & FLAG_AUTO_CONNECT) != 0);
        }

        /** {@code host/port}, {@code host/+port} or {@code host} to our {@code host:port} / {@code +host:port}. */
        private static String server(String server, boolean tls) {
            String host = server;
            String port = null;
            int slash = server.indexOf('/');
            if (slash >= 0) {
                host = server.substring(0, slash);
                port = server.substring(slash + 1);
            }
            boolean secure = tls;
            if (port != null && port.startsWith("+")) {
                secure = true;
                port = port.substring(1);
            }
            if (port == null || port.isBlank()) {
                port = secure ? "6697" : "6667";
            }
            return (secure ? "+" : "") + host + ":" + port;
        }
    }
}
