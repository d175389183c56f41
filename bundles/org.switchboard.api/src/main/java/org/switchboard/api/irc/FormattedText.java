package org.switchboard.api.irc;

import java.util.List;

/**
 * Text with its mIRC formatting turned into spans over the plain text.
 *
 * @param plain the text with every formatting code removed
 * @param spans styled ranges over {@code plain}, in order, not overlapping; unstyled ranges have no span
 */
public record FormattedText(String plain, List<Span> spans) {

    public FormattedText {
        spans = List.copyOf(spans);
    }

    /**
     * A styled range of the plain text.
     *
     * @param start      first character, inclusive
     * @param end        last character, exclusive
     * @param style      bit set of the {@code BOLD}... constants
     * @param foreground colour: 0-99 for mIRC colours, {@code 0x1000000 | rgb} for hex colours, -1 for default
     * @param background colour, same encoding
     */
    public record Span(int start, int end, int style, int foreground, int background) {
        public static final int BOLD = 1;
        public static final int ITALIC = 2;
        public static final int UNDERLINE = 4;
        public static final int STRIKETHROUGH = 8;
        public static final int MONOSPACE = 16;
        public static final int REVERSE = 32;

        /** Marks a colour value as 24-bit RGB rather than a mIRC colour number. */
        public static final int RGB_FLAG = 0x1000000;
        public static final int DEFAULT_COLOUR = -1;

        public boolean has(int flag) {
            return (style & flag) != 0;
        }
    }
}
