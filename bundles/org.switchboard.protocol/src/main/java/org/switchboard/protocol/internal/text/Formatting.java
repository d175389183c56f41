package org.switchboard.protocol.internal.text;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.FormattedText;
import org.switchboard.api.irc.FormattedText.Span;

/**
 * mIRC formatting codes (as documented by ircdocs "formatting"): toggles for bold, italic, underline,
 * strikethrough, monospace and reverse; {@code \x03} colours 0-99 with an optional background after a comma;
 * {@code \x04} hex colours; {@code \x0F} resets everything. Colour 99 means "default colour" and maps to
 * {@link Span#DEFAULT_COLOUR}.
 */
public final class Formatting {

    static final char BOLD = '\u0002';
    static final char COLOUR = '\u0003';
    static final char HEX_COLOUR = '\u0004';
    static final char RESET = '\u000F';
    static final char MONOSPACE = '\u0011';
    static final char REVERSE = '\u0016';
    static final char ITALIC = '\u001D';
    static final char STRIKETHROUGH = '\u001E';
    static final char UNDERLINE = '\u001F';

    private Formatting() {
    }

    static boolean isFormattingCode(char c) {
        switch (c) {
            case BOLD: case COLOUR: case HEX_COLOUR: case RESET: case MONOSPACE:
            case REVERSE: case ITALIC: case STRIKETHROUGH: case UNDERLINE:
                return true;
            default:
                return false;
        }
    }

    public static String strip(String text) {
        int first = firstCode(text);
        return first < 0 ? text : parse(text).plain();
    }

    /**
     * {@link #strip(String)} on UTF-8 bytes. Every code and every byte a code consumes (digits, comma, hex digits) is
     * ASCII, and ASCII bytes never occur inside a longer UTF-8 sequence, so removing them byte by byte gives the
     * encoding of the stripped text. {@code utf8} itself when there is nothing to remove.
     */
    public static byte[] strip(byte[] utf8) {
        int length = utf8.length;
        int i = 0;
        while (i < length && !isFormattingCode((char) utf8[i])) {
            i++;
        }
        if (i == length) {
            return utf8;
        }
        byte[] out = new byte[length];
        System.arraycopy(utf8, 0, out, 0, i);
        int n = i;
        while (i < length) {
            byte b = utf8[i++];
            if (!isFormattingCode((char) b)) {
                out[n++] = b;
            } else if (b == COLOUR) {
                int digits = digits(utf8, i, 2);
                i += digits;
                if (digits > 0 && i + 1 < length && utf8[i] == ',') {
                    int bgDigits = digits(utf8, i + 1, 2);
                    if (bgDigits > 0) {
                        i += 1 + bgDigits;
                    }
                }
            } else if (b == HEX_COLOUR && isHex6(utf8, i)) {
                i += 6;
                if (i < length && utf8[i] == ',' && isHex6(utf8, i + 1)) {
                    i += 7;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int digits(byte[] text, int from, int max) {
        int count = 0;
        while (count < max && from + count < text.length && isDigit((char) text[from + count])) {
            count++;
        }
        return count;
    }

    private static boolean isHex6(byte[] text, int from) {
        if (from + 6 > text.length) {
            return false;
        }
        for (int i = from; i < from + 6; i++) {
            byte b = text[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F')) {
                return false;
            }
        }
        return true;
    }

    public static FormattedText parse(String text) {
        if (firstCode(text) < 0) {
            return new FormattedText(text, List.of());
        }
        StringBuilder plain = new StringBuilder(text.length());
        List<Span> spans = new ArrayList<>();
        int style = 0;
        int fg = Span.DEFAULT_COLOUR;
        int bg = Span.DEFAULT_COLOUR;
        int runStart = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!isFormattingCode(c)) {
                plain.append(c);
                i++;
                continue;
            }
            int newStyle = style;
            int newFg = fg;
            int newBg = bg;
            i++;
            switch (c) {
                case BOLD: newStyle ^= Span.BOLD; break;
                case ITALIC: newStyle ^= Span.ITALIC; break;
                case UNDERLINE: newStyle ^= Span.UNDERLINE; break;
                case STRIKETHROUGH: newStyle ^= Span.STRIKETHROUGH; break;
                case MONOSPACE: newStyle ^= Span.MONOSPACE; break;
                case REVERSE: newStyle ^= Span.REVERSE; break;
                case RESET:
                    newStyle = 0;
                    newFg = Span.DEFAULT_COLOUR;
                    newBg = Span.DEFAULT_COLOUR;
                    break;
                case COLOUR: {
                    int digits = digits(text, i, 2);
                    if (digits == 0) {
                        newFg = Span.DEFAULT_COLOUR;
                        newBg = Span.DEFAULT_COLOUR;
                        break;
                    }
                    newFg = mircColour(text, i, digits);
                    i += digits;
                    if (i + 1 < length && text.charAt(i) == ',') {
                        int bgDigits = digits(text, i + 1, 2);
                        if (bgDigits > 0) {
                            newBg = mircColour(text, i + 1, bgDigits);
                            i += 1 + bgDigits;
                        }
                    }
                    break;
                }
                default: { // HEX_COLOUR
                    if (!isHex6(text, i)) {
                        newFg = Span.DEFAULT_COLOUR;
                        newBg = Span.DEFAULT_COLOUR;
                        break;
                    }
                    newFg = Span.RGB_FLAG | Integer.parseInt(text, i, i + 6, 16);
                    i += 6;
                    if (i < length && text.charAt(i) == ',' && isHex6(text, i + 1)) {
                        newBg = Span.RGB_FLAG | Integer.parseInt(text, i + 1, i + 7, 16);
                        i += 7;
                    }
                    break;
                }
            }
            if (newStyle != style || newFg != fg || newBg != bg) {
                addSpan(spans, runStart, plain.length(), style, fg, bg);
                runStart = plain.length();
                style = newStyle;
                fg = newFg;
                bg = newBg;
            }
        }
        addSpan(spans, runStart, plain.length(), style, fg, bg);
        return new FormattedText(plain.toString(), spans);
    }

    /** Adds a styled run, merging it into the previous span when that one ends here with the same look. */
    private static void addSpan(List<Span> spans, int start, int end, int style, int fg, int bg) {
        if (start == end || (style == 0 && fg == Span.DEFAULT_COLOUR && bg == Span.DEFAULT_COLOUR)) {
            return;
        }
        if (!spans.isEmpty()) {
            Span last = spans.get(spans.size() - 1);
            if (last.end() == start && last.style() == style && last.foreground() == fg && last.background() == bg) {
                spans.set(spans.size() - 1, new Span(last.start(), end, style, fg, bg));
                return;
            }
        }
        spans.add(new Span(start, end, style, fg, bg));
    }

    private static int firstCode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isFormattingCode(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int digits(String text, int from, int max) {
        int count = 0;
        while (count < max && from + count < text.length() && isDigit(text.charAt(from + count))) {
            count++;
        }
        return count;
    }

    private static int mircColour(String text, int from, int digits) {
        int value = text.charAt(from) - '0';
        if (digits == 2) {
            value = value * 10 + text.charAt(from + 1) - '0';
        }
        return value == 99 ? Span.DEFAULT_COLOUR : value;
    }

    private static boolean isHex6(String text, int from) {
        if (from + 6 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 6; i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
