package org.switchboard.api.irc;

/**
 * A message source split into its parts. A server name, or any source without {@code !} and {@code @},
 * is all nick; odd host names are kept verbatim.
 *
 * @param nick the nick or server name, never null
 * @param user the user (ident) part, or {@code null}
 * @param host the host part, or {@code null}
 */
public record IrcSource(String nick, String user, String host) {

    public static IrcSource parse(String source) {
        int at = source.indexOf('@');
        String host = null;
        String rest = source;
        if (at >= 0) {
            host = source.substring(at + 1);
            rest = source.substring(0, at);
        }
        int bang = rest.indexOf('!');
        if (bang >= 0) {
            return new IrcSource(rest.substring(0, bang), rest.substring(bang + 1), host);
        }
        return new IrcSource(rest, null, host);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(nick);
        if (user != null) {
            sb.append('!').append(user);
        }
        if (host != null) {
            sb.append('@').append(host);
        }
        return sb.toString();
    }
}
