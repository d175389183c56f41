package org.switchboard.shell;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.lang3.StringUtils;
import org.switchboard.api.irc.UrlSecrets;

/**
 * An {@code irc://host[:port]/[#channel[,#other]]} or {@code ircs://...} URL typed in the shell, in the form the
 * connection bundle's network configuration wants: a server written {@code host:port} or {@code host:+port}
 * (TLS), and channel names with their {@code #}. Same rules as command-line URLs: channels may be written with
 * {@code #}, as {@code %23} or bare; user and password in the URL are refused so that they never land in a
 * configuration file or a log.
 */
record NetworkUrl(String host, int port, boolean tls, List<String> channels) {

    static final int DEFAULT_PORT = 6667;
    static final int DEFAULT_TLS_PORT = 6697;

    static boolean looksLikeUrl(String text) {
        String lower = StringUtils.trimToEmpty(text).toLowerCase(Locale.ROOT);
        return lower.startsWith("irc://") || lower.startsWith("ircs://");
    }

    static NetworkUrl parse(String typed) {
        String url = StringUtils.trimToEmpty(typed);
        // what the messages below repeat of the URL: never a password given in it
        String text = UrlSecrets.withoutUserInfo(url);
        if (!looksLikeUrl(url)) {
            throw new IllegalArgumentException("'" + text + "' is not an irc:// or ircs:// URL");
        }
        boolean tls = url.toLowerCase(Locale.ROOT).startsWith("ircs://");
        int schemeEnd = url.indexOf("://") + 3;
        int slash = url.indexOf('/', schemeEnd);
        String authority = slash < 0 ? url.substring(schemeEnd) : url.substring(schemeEnd, slash);
        if (url.indexOf('@', schemeEnd) >= 0) {
            // Anywhere, not only in the authority: a password holding '/' ends the authority early, and the messages
            // below would quote the rest of it as a port or a channel. A channel with '@' is written %40.
            throw new IllegalArgumentException("'" + text + "': user or password in the URL is not supported;"
                    + " configure them for the network instead");
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': unclosed [ in the IPv6 address");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (rest.startsWith(":")) {
                portText = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': unexpected text after the address");
            }
        } else {
            host = StringUtils.substringBefore(authority, ":");
            portText = authority.contains(":") ? StringUtils.substringAfter(authority, ":") : null;
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("'" + text + "': no host name");
        }
        int port = tls ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        if (portText != null) {
            if (portText.isEmpty() || portText.length() > 5 || !StringUtils.isNumeric(portText)
                    || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
                throw new IllegalArgumentException("'" + text + "': port '" + portText + "' is not 1-65535");
            }
            port = Integer.parseInt(portText);
        }
        return new NetworkUrl(host, port, tls, slash < 0 ? List.of() : channels(text, url.substring(slash + 1)));
    }

    private static List<String> channels(String text, String path) {
        // '+' is a channel prefix here, not an encoded space.
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<String> channels = new ArrayList<>();
        for (String name : StringUtils.split(decoded, ',')) {
            String channel = name.trim();
            if (channel.isEmpty() || channel.equals("#")) {
                continue;
            }
            if (StringUtils.containsAny(channel, " \u0007")) {
                throw new IllegalArgumentException("'" + text + "': channel '" + channel + "' is not valid");
            }
            channels.add("#&+!".indexOf(channel.charAt(0)) >= 0 ? channel : "#" + channel);
        }
        return List.copyOf(channels);
    }

    /** The server as the network configuration's {@code servers} property writes it. */
    String server() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + (tls ? "+" : "") + port;
    }
}
