package org.switchboard.ui.compact.view;

import java.util.List;
import java.util.Locale;

/**
 * Tab completion of the word before the caret against the channel's nicks (in the session's order, so operators
 * first); at the start of the line the nick gets a {@code ": "} suffix, as IRC users address each other.
 */
final class NickCompletion {

    /** The completed text and where the caret goes. */
    record Result(String text, int caret) {
    }

    private NickCompletion() {
    }

    /** The completion, or null when no nick starts with the word before the caret. */
    static Result complete(String text, int caret, List<String> nicks) {
        int start = caret;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, caret).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return null;
        }
        for (String nick : nicks) {
            if (nick.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                boolean spaceFollows = caret < text.length() && text.charAt(caret) == ' ';
                String insert = nick + (start == 0 ? ":" : "") + (spaceFollows ? "" : " ");
                // With a space already after the word, the caret steps over it.
                return new Result(text.substring(0, start) + insert + text.substring(caret),
                        start + insert.length() + (spaceFollows ? 1 : 0));
            }
        }
        return null;
    }
}
