package org.switchboard.api.session;

/**
 * A channel member as the session knows it.
 *
 * @param nick     current nick
 * @param prefixes membership symbols, highest first ({@code "@+"}), or empty
 * @param user     user (ident), or null when unknown
 * @param host     host, or null when unknown
 * @param account  services account, or null when logged out or unknown
 * @param realName real name, or null when unknown
 * @param away     true when known to be away
 */
public record Member(String nick, String prefixes, String user, String host, String account, String realName,
        boolean away) {

    /** The highest membership symbol, or 0. */
    public char highestPrefix() {
        return prefixes.isEmpty() ? 0 : prefixes.charAt(0);
    }
}
