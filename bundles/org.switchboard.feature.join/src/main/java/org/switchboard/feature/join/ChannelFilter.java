package org.switchboard.feature.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.lang3.StringUtils;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;

/**
 * Which channels the list shows: words that must all appear in the name or topic, channel-name masks with
 * {@code *} and {@code ?}, and a range of user counts. The same filter is typed after {@code /list}
 * ({@code /list >50 java}, {@code /list *linux*}) and set in the dialog. What the server can filter itself (ISUPPORT
 * ELIST: {@code U} user counts, {@code M} masks) is also sent with LIST, which saves the transfer; the filter is
 * always applied here too, so a server that ignores the conditions costs only time.
 *
 * @param words    words matched case-insensitively in the name or topic, all of them
 * @param masks    channel-name masks, any of them (none: every name)
 * @param minUsers at least this many users
 * @param maxUsers at most this many users
 * @param lowerCaseWords the words in lower case, as {@link ChannelEntry#searchKey} holds name and topic
 */
record ChannelFilter(List<String> words, List<String> masks, int minUsers, int maxUsers, List<String> lowerCaseWords) {

    ChannelFilter(List<String> words, List<String> masks, int minUsers, int maxUsers) {
        this(words, masks, minUsers, maxUsers, words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }

    static final String USAGE = "/list [>min users] [<max users] [words or #masks*]";
    static final ChannelFilter ALL = new ChannelFilter(List.of(), List.of(), 0, Integer.MAX_VALUE);

    /** The filter typed after /list, or empty when a count is not a number. */
    static Optional<ChannelFilter> parse(String arguments) {
        List<String> words = new ArrayList<>();
        List<String> masks = new ArrayList<>();
        int min = 0;
        int max = Integer.MAX_VALUE;
        for (String token : StringUtils.split(arguments.strip())) {
            char first = token.charAt(0);
            if (token.length() > 1 && (first == '>' || first == '<')) {
                Optional<Integer> count = count(token.substring(1));
                if (count.isEmpty()) {
                    return Optional.empty();
                }
                if (first == '>') {
                    min = Math.max(min, count.get() + 1);
                } else {
                    max = Math.min(max, count.get() - 1);
                }
            } else {
                (isMask(token) ? masks : words).add(token);
            }
        }
        return Optional.of(new ChannelFilter(List.copyOf(words), List.copyOf(masks), min, max));
    }

    private static boolean isMask(String token) {
        return StringUtils.containsAny(token, '*', '?');
    }

    private static Optional<Integer> count(String digits) {
        if (digits.isEmpty() || !StringUtils.isNumeric(digits) || digits.length() > 9) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }

    /** The filter's words and masks as the dialog's text field shows them. */
    String text() {
        List<String> all = new ArrayList<>(words);
        all.addAll(masks);
        return String.join(" ", all);
    }

    /** The same user range with the words and masks of a text field. */
    ChannelFilter withText(String text) {
        List<String> words = new ArrayList<>();
        List<String> masks = new ArrayList<>();
        for (String token : StringUtils.split(text.strip())) {
            (isMask(token) ? masks : words).add(token);
        }
        return new ChannelFilter(List.copyOf(words), List.copyOf(masks), minUsers, maxUsers);
    }

    ChannelFilter withUsers(int min, int max) {
        return new ChannelFilter(words, masks, Math.max(0, min), max <= 0 ? Integer.MAX_VALUE : max);
    }

    boolean showsEverything() {
        return words.isEmpty() && masks.isEmpty() && minUsers <= 0 && maxUsers == Integer.MAX_VALUE;
    }

    /** The filter typed back as /list arguments. */
    String asArguments() {
        List<String> parts = new ArrayList<>();
        if (minUsers > 0) {
            parts.add(">" + (minUsers - 1));
        }
        if (maxUsers < Integer.MAX_VALUE) {
            parts.add("<" + (maxUsers + 1));
        }
        String text = text();
        if (!text.isEmpty()) {
            parts.add(text);
        }
        return String.join(" ", parts);
    }

    boolean matches(ChannelEntry entry, IrcProtocol protocol, CaseMapping caseMapping) {
        if (entry.users() < minUsers || entry.users() > maxUsers) {
            return false;
        }
        for (String word : lowerCaseWords) {
            if (!entry.searchKey().contains(word)) {
                return false;
            }
        }
        if (masks.isEmpty()) {
            return true;
        }
        for (String mask : masks) {
            if (protocol.maskMatches(mask, entry.name(), caseMapping)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The LIST to send: with the conditions the server announced it can apply (ISUPPORT {@code ELIST}), joined by
     * commas into one parameter as servers expect; a plain LIST otherwise.
     */
    IrcMessage listCommand(Optional<String> elist) {
        String supported = elist.orElse("").toUpperCase(Locale.ROOT);
        List<String> conditions = new ArrayList<>();
        if (supported.indexOf('M') >= 0) {
            conditions.addAll(masks);
        }
        if (supported.indexOf('U') >= 0) {
            if (minUsers > 0) {
                conditions.add(">" + (minUsers - 1));
            }
            if (maxUsers < Integer.MAX_VALUE) {
                conditions.add("<" + (maxUsers + 1));
            }
        }
        return conditions.isEmpty() ? IrcMessage.of("LIST") : IrcMessage.of("LIST", String.join(",", conditions));
    }
}
