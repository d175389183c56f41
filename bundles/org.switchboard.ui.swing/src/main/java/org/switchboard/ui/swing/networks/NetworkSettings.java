package org.switchboard.ui.swing.networks;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

/**
 * What the network list dialog edits: the user-facing subset of a network's ConfigAdmin factory configuration
 * ({@code org.switchboard.network}). Property names are those of the connection bundle's configuration type;
 * password properties start with a dot so that ConfigAdmin implementations keep them out of listings.
 */
public record NetworkSettings(String name, List<String> servers, String nick, List<String> alternateNicks,
        String userName, String realName, String serverPassword, String saslMechanism, String saslUser,
        String saslPassword, List<String> autojoin, boolean autoConnect) {

    /**
     * The properties the dialog has a field for, so an update replaces them (an emptied password is removed); the
     * user name has none and is written only when set (by an import).
     */
    static final Set<String> EDITED_KEYS = Set.of("irc.network", "servers", "nick", "alternateNicks", "realName",
            ".serverPassword", "sasl.mechanism", "sasl.user", ".sasl.password", "autojoin", "autoConnect");

    public NetworkSettings {
        servers = List.copyOf(servers);
        alternateNicks = List.copyOf(alternateNicks);
        autojoin = List.copyOf(autojoin);
        name = nullToEmpty(name);
        nick = nullToEmpty(nick);
        userName = nullToEmpty(userName);
        realName = nullToEmpty(realName);
        serverPassword = nullToEmpty(serverPassword);
        saslMechanism = saslMechanism == null || saslMechanism.isBlank() ? "NONE" : saslMechanism;
        saslUser = nullToEmpty(saslUser);
        saslPassword = nullToEmpty(saslPassword);
    }

    public static NetworkSettings empty() {
        return new NetworkSettings("", List.of(), "", List.of(), "", "Switchboard user", "", "NONE", "", "",
                List.of(), true);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What is wrong with these settings for saving, or null when they can be saved. */
    public String problem() {
        if (name.isBlank()) {
            return "The network needs a name";
        }
        if (servers.isEmpty()) {
            return "Add at least one server (host:port)";
        }
        if (nick.isBlank() || nick.contains(" ")) {
            return "The nick must not be empty or contain spaces";
        }
        return null;
    }

    public Dictionary<String, Object> toProperties() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("irc.network", name);
        p.put("servers", servers.toArray(new String[0]));
        p.put("nick", nick);
        p.put("alternateNicks", alternateNicks.toArray(new String[0]));
        if (!userName.isEmpty()) {
            p.put("userName", userName);
        }
        p.put("realName", realName);
        p.put("sasl.mechanism", saslMechanism);
        p.put("sasl.user", saslUser);
        p.put("autojoin", autojoin.toArray(new String[0]));
        p.put("autoConnect", autoConnect);
        if (!serverPassword.isEmpty()) {
            p.put(".serverPassword", serverPassword);
        }
        if (!saslPassword.isEmpty()) {
            p.put(".sasl.password", saslPassword);
        }
        return p;
    }

    public static NetworkSettings fromProperties(Dictionary<String, ?> p) {
        return new NetworkSettings(string(p, "irc.network"), strings(p, "servers"), string(p, "nick"),
                strings(p, "alternateNicks"), string(p, "userName"), string(p, "realName"),
                string(p, ".serverPassword"), string(p, "sasl.mechanism"), string(p, "sasl.user"),
                string(p, ".sasl.password"), strings(p, "autojoin"),
                p.get("autoConnect") == null || Boolean.parseBoolean(String.valueOf(p.get("autoConnect"))));
    }

    private static String string(Dictionary<String, ?> p, String key) {
        Object value = p.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    private static List<String> strings(Dictionary<String, ?> p, String key) {
        Object value = p.get(key);
        List<String> result = new ArrayList<>();
        if (value instanceof String[] array) {
            result.addAll(List.of(array));
        } else if (value instanceof Iterable<?> iterable) {
            iterable.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    /**
     * Without the passwords and channel keys: a record's own toString would print them wherever the settings get
     * logged.
     */
    @Override
    public String toString() {
        return "NetworkSettings[name=" + name + ", servers=" + servers + ", nick=" + nick + ", alternateNicks="
                + alternateNicks + ", userName=" + userName + ", realName=" + realName + ", serverPassword="
                + masked(serverPassword) + ", saslMechanism=" + saslMechanism + ", saslUser=" + saslUser
                + ", saslPassword=" + masked(saslPassword) + ", autojoin=" + autojoin.stream()
                        .map(entry -> entry.indexOf(' ') < 0 ? entry : entry.substring(0, entry.indexOf(' ')) + " ****")
                        .toList() + ", autoConnect="
                + autoConnect + "]";
    }

    private static String masked(String password) {
        return password == null || password.isEmpty() ? "(none)" : "****";
    }
}
