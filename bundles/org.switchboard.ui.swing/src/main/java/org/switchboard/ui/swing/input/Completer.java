package org.switchboard.ui.swing.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tab completion of the word before the caret: nicks (with {@code ": "} after a nick that starts the line) and,
 * for a first word starting with a slash, command names. Pressing Tab again cycles through the candidates.
 */
public final class Completer {

    /** The text after completing and where the caret goes. */
    public record Result(String text, int caret) {
    }

    private List<String> candidates = List.of();
    private int index;
    private String before;
    private String after;
    private String lastResult;

    /**
     * Completes {@code text} at {@code caret}; null when nothing matches.
     *
     * @param nicks    candidate nicks, in preference order
     * @param commands candidate command names without slash
     */
    public Result complete(String text, int caret, List<String> nicks, List<String> commands) {
        if (text.equals(lastResult) && !candidates.isEmpty()) {
            index = (index + 1) % candidates.size();
            return result();
        }
        int start = caret;
        while (start > 0 && text.charAt(start - 1) != ' ') {
            start--;
        }
        String word = text.substring(start, caret);
        if (word.isEmpty()) {
            return null;
        }
        List<String> matches = new ArrayList<>();
        if (start == 0 && word.startsWith("/")) {
            String prefix = word.substring(1).toLowerCase(Locale.ROOT);
            for (String command : commands) {
                if (command.startsWith(prefix)) {
                    matches.add("/" + command);
                }
            }
        } else {
            String prefix = word.toLowerCase(Locale.ROOT);
            for (String nick : nicks) {
                if (nick.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    matches.add(start == 0 ? nick + ":" : nick);
                }
            }
        }
        if (matches.isEmpty()) {
            reset();
            return null;
        }
        candidates = matches;
        index = 0;
        before = text.substring(0, start);
        after = text.substring(caret);
        return result();
    }

    private Result result() {
        // A space follows the completion unless the rest of the line already starts with one.
        String candidate = candidates.get(index) + (after.startsWith(" ") ? "" : " ");
        lastResult = before + candidate + after;
        return new Result(lastResult, before.length() + candidate.length());
    }

    /** Forgets the cycle, for any key other than Tab. */
    public void reset() {
        lastResult = null;
        candidates = List.of();
    }
}
