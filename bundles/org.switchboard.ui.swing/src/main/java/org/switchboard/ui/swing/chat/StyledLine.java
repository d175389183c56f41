package org.switchboard.ui.swing.chat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.ui.Contrast;
import org.switchboard.ui.swing.text.LineText;
import org.switchboard.ui.swing.text.Links;
import org.switchboard.ui.swing.text.MircColours;

/**
 * A line's body as the chat view draws it, whatever the width: the plain text (formatting codes removed, control
 * characters turned into spaces so that offsets stay valid), the runs of one style each, and the links.
 *
 * @param text   the visible plain text
 * @param starts {@code starts[i]} is where run {@code i} begins; it ends where the next begins, the last at the end
 * @param styles the style of each run
 * @param links  the web links, which are also styled runs
 */
record StyledLine(String text, int[] starts, RunStyle[] styles, List<Links.Link> links) {

    /**
     * How a run looks.
     *
     * @param glyphs     the font, with its advances
     * @param background null for none
     */
    record RunStyle(Advances glyphs, Color foreground, Color background, boolean underline,
            boolean strikethrough) {
    }

    int runCount() {
        return starts.length;
    }

    int runEnd(int run) {
        return run + 1 < starts.length ? starts[run + 1] : text.length();
    }

    /** Parses the line's formatting and finds its links; the styles come from {@code theme}. */
    static StyledLine of(BufferLine line, ChatTheme theme, IrcProtocol protocol) {
        FormattedText formatted = protocol.parseFormatting(LineText.body(line));
        String text = visible(formatted.plain());
        List<Links.Link> links = Links.find(text);
        RunStyle plain = new RunStyle(theme.variant(false, false, false), theme.bodyColour(line), null, false, false);
        List<FormattedText.Span> spans = formatted.spans();
        List<Integer> starts = new ArrayList<>();
        List<RunStyle> styles = new ArrayList<>();
        int spanIndex = 0;
        int linkIndex = 0;
        int at = 0;
        while (at < text.length()) {
            while (spanIndex < spans.size() && spans.get(spanIndex).end() <= at) {
                spanIndex++;
            }
            while (linkIndex < links.size() && links.get(linkIndex).end() <= at) {
                linkIndex++;
            }
            // The run goes on until a span or a link starts or ends.
            int end = text.length();
            RunStyle style = plain;
            if (spanIndex < spans.size()) {
                FormattedText.Span span = spans.get(spanIndex);
                if (span.start() <= at) {
                    style = spanStyle(span, plain, theme);
                    end = Math.min(end, span.end());
                } else {
                    end = Math.min(end, span.start());
                }
            }
            if (linkIndex < links.size()) {
                Links.Link link = links.get(linkIndex);
                if (link.start() <= at) {
                    style = new RunStyle(style.glyphs(), theme.link, style.background(), true, style.strikethrough());
                    end = Math.min(end, link.end());
                } else {
                    end = Math.min(end, link.start());
                }
            }
            if (styles.isEmpty() || !styles.get(styles.size() - 1).equals(style)) {
                starts.add(at);
                styles.add(style);
            }
            at = Math.max(end, at + 1);
        }
        if (styles.isEmpty()) {
            starts.add(0);
            styles.add(plain);
        }
        return new StyledLine(text, starts.stream().mapToInt(Integer::intValue).toArray(),
                styles.toArray(RunStyle[]::new), links);
    }

    private static RunStyle spanStyle(FormattedText.Span span, RunStyle plain, ChatTheme theme) {
        Advances glyphs = theme.variant(span.has(FormattedText.Span.BOLD), span.has(FormattedText.Span.ITALIC),
                span.has(FormattedText.Span.MONOSPACE));
        Color fg = MircColours.colour(span.foreground());
        Color bg = MircColours.colour(span.background());
        if (span.has(FormattedText.Span.REVERSE)) {
            Color swap = fg == null ? theme.foreground : fg;
            fg = bg == null ? theme.background : bg;
            bg = swap;
        } else if (fg != null && bg == null) {
            // A colour meant for the sender's background, drawn on ours.
            fg = Contrast.readable(fg, theme.background, theme.foreground);
        } else if (fg == null && bg != null) {
            // Our text colour on the sender's background.
            fg = Contrast.readable(plain.foreground(), bg, Contrast.standOutOn(bg));
        }
        return new RunStyle(glyphs, fg == null ? plain.foreground() : fg, bg,
                span.has(FormattedText.Span.UNDERLINE), span.has(FormattedText.Span.STRIKETHROUGH));
    }

    /** Control characters left after formatting become spaces, keeping span offsets valid. */
    static String visible(String plain) {
        char[] chars = null;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (chars == null) {
                    chars = plain.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? plain : new String(chars);
    }

    /**
     * Whether the text needs what only a {@link java.awt.font.TextLayout} does: shaping (combining marks, complex
     * scripts, joiners) or bidirectional reordering. Everything else is drawn glyph by glyph.
     */
    boolean needsShaping() {
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            if (codePoint >= 0x0300 && isComplex(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static boolean isComplex(int codePoint) {
        // Combining diacritics; Hebrew to Arabic Extended; Indic and Thai; Tibetan and Myanmar; Hangul jamo; Khmer;
        // zero-width (non-)joiners: the ranges the JDK itself lays out rather than drawing glyph by glyph.
        if (codePoint <= 0x036F || codePoint >= 0x0590 && codePoint <= 0x0E7F
                || codePoint >= 0x0F00 && codePoint <= 0x109F || codePoint >= 0x1100 && codePoint <= 0x11FF
                || codePoint >= 0x1780 && codePoint <= 0x17FF || codePoint == 0x200C || codePoint == 0x200D) {
            return true;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        return switch (Character.getDirectionality(codePoint)) {
            case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                    Character.DIRECTIONALITY_ARABIC_NUMBER, Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
                    Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE ->
                true;
            default -> false;
        };
    }
}
