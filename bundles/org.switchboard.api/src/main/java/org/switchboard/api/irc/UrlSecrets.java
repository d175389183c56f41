package org.switchboard.api.irc;

/**
 * What a message may quote of an IRC address or URL that a user typed or configured: errors about an address reach
 * the log, the scrollback and the console, and the address may hold a password ({@code ircs://user:pw@host}).
 */
public final class UrlSecrets {

    private UrlSecrets() {
    }

    /**
     * {@code address} with any user information ({@code user:password@}) shown as {@code ***}. Everything from the
     * authority's start to the last {@code @} counts, not only what comes before the first {@code /}: a password
     * holding {@code /}, {@code #} or {@code ?} is hidden too, and at worst a channel name with an {@code @} is cut
     * short in an error message. {@code null} gives the empty string.
     */
    public static String withoutUserInfo(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        int scheme = address.indexOf("://");
        int start = scheme < 0 || scheme > at ? 0 : scheme + 3;
        return address.substring(0, start) + "***" + address.substring(at);
    }
}
