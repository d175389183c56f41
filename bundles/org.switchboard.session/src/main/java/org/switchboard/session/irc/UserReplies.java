package org.switchboard.session.irc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.apache.commons.lang3.time.DurationFormatUtils;

/**
 * WHOIS, WHOWAS and WHO replies as lines a person reads ({@code [ann] idle 3 minutes, signed on 2026-12-02 19:26})
 * instead of their raw parameters ({@code ann 180 1796239568 seconds idle, signon time}). Every reply starts with
 * what it is about (the nick; for WHO the channel or mask), in brackets, so that the lines of two lookups that
 * cross stay apart.
 */
final class UserReplies {

    /**
     * The replies of a WHOIS or WHOWAS (RFC 2812, modern-irc and the common extensions), whose parameter 1 is the
     * nick, and of a WHO (352, 315), whose parameter 1 is the channel or mask asked for.
     */
    private static final Set<String> CODES = Set.of("276", "301", "307", "310", "311", "312", "313", "314", "315",
            "317", "318", "319", "320", "330", "335", "338", "352", "369", "378", "379", "671");

    private final DateTimeFormatter signOnTime;

    UserReplies(ZoneId zone) {
        this.signOnTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    static boolean isUserReply(String command) {
        return CODES.contains(command);
    }

    /** The nick a reply is about, or null when it has none. */
    static String nick(List<String> params) {
        return params.size() > 1 ? params.get(1) : null;
    }

    /** The line for a reply {@link #isUserReply} accepts; {@code params} as received, our nick first. */
    String text(String command, List<String> params) {
        String nick = nick(params);
        if (nick == null) {
            return "";
        }
        String who = "[" + nick + "] ";
        return who + switch (command) {
            case "311" -> "(" + param(params, 2) + "@" + param(params, 3) + "): " + last(params, 5);
            case "314" -> "was (" + param(params, 2) + "@" + param(params, 3) + "): " + last(params, 5);
            case "312" -> param(params, 2) + (params.size() > 3 ? " (" + params.get(params.size() - 1) + ")" : "");
            case "317" -> idle(params);
            case "319" -> "channels: " + last(params, 2).trim();
            case "330" -> params.size() > 3 ? "is logged in as " + params.get(2) : MessageRouter.numericText(rest(params));
            case "301" -> "is away: " + last(params, 2);
            case "352" -> who(params);
            default -> MessageRouter.numericText(rest(params));
        };
    }

    /** {@code <me> <channel> <user> <host> <server> <nick> <flags> :<hop count> <real name>} */
    private static String who(List<String> params) {
        if (params.size() < 8) {
            return MessageRouter.numericText(rest(params));
        }
        String hopsAndName = params.get(7);
        int space = hopsAndName.indexOf(' ');
        String realName = space < 0 ? "" : hopsAndName.substring(space + 1);
        return params.get(5) + " (" + params.get(2) + "@" + params.get(3) + ") " + params.get(6)
                + (realName.isEmpty() ? "" : ": " + realName);
    }

    /** {@code <me> <nick> <seconds idle> [<signon time>] :seconds idle, signon time} */
    private String idle(List<String> params) {
        long idleSeconds = number(param(params, 2));
        if (idleSeconds < 0) {
            return MessageRouter.numericText(rest(params));
        }
        String text = "idle " + (idleSeconds == 0 ? "0 seconds"
                : DurationFormatUtils.formatDurationWords(idleSeconds * 1000, true, true));
        long signOn = params.size() > 4 ? number(params.get(3)) : -1;
        if (signOn > 0) {
            text += ", signed on " + signOnTime.format(Instant.ofEpochSecond(signOn));
        }
        return text;
    }

    /** The parameters from the nick on, as {@link MessageRouter#numericText} reads them. */
    private static List<String> rest(List<String> params) {
        return params.subList(1, params.size());
    }

    private static String param(List<String> params, int index) {
        return index < params.size() ? params.get(index) : "?";
    }

    /** The last parameter, if the reply has at least {@code minimumSize} of them (else it is not the text). */
    private static String last(List<String> params, int minimumSize) {
        return params.size() > minimumSize ? params.get(params.size() - 1) : "";
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
