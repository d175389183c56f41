package org.switchboard.connection.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.lang3.StringUtils;
import org.switchboard.api.irc.UrlSecrets;

/**
 * An {@code irc://host[:port]/[#channel[,#other]]} or {@code ircs://...} URL as given on the command line.
 * Channel names may be written with {@code #}, as {@code %23}, or bare (then {@code #} is added).
 */
public record IrcUrl(ServerAddress server, List<String> channels) {

    public static IrcUrl parse(String text) {
        String url = StringUtils.trimToEmpty(text);
        String shown = UrlSecrets.withoutUserInfo(url);
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("irc://") && !lower.startsWith("ircs://")) {
            throw new IllegalArgumentException("'" + shown + "' is not an irc:// or ircs:// URL");
        }
        int schemeEnd = url.indexOf("://") + 3;
        int slash = url.indexOf('/', schemeEnd);
        String authority = slash < 0 ? url.substring(schemeEnd) : url.substring(schemeEnd, slash);
        if (authority.contains("@")) {
            throw new IllegalArgumentException("'" + shown + "': user or password in the URL is not supported");
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("'" + shown + "': no host name");
        }
        ServerAddress server;
        try {
            server = ServerAddress.parse(url.substring(0, schemeEnd) + authority);
        } catch (IllegalArgumentException e) {
            if (url.indexOf('@') >= 0) {
                // a password holding '/' ends the authority early: the message would quote part of it
                throw new IllegalArgumentException("'" + shown + "': not a server address (user or password in the "
                        + "URL is not supported)");
            }
            throw e;
        }
        List<String> channels = new ArrayList<>();
        if (slash >= 0) {
            String path = URLDecoder.decode(url.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            for (String name : StringUtils.split(path, ',')) {
                String channel = name.trim();
                if (channel.isEmpty() || channel.equals("#")) {
                    continue;
                }
                if (StringUtils.containsAny(channel, " \u0007")) {
                    throw new IllegalArgumentException("'" + shown + "': channel '" + UrlSecrets.withoutUserInfo(channel)
                            + "' is not valid");
                }
                channels.add("#&+!".indexOf(channel.charAt(0)) >= 0 ? channel : "#" + channel);
            }
        }
        return new IrcUrl(server, List.copyOf(channels));
    }
}
