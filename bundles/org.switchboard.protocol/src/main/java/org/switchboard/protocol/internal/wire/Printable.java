package org.switchboard.protocol.internal.wire;

import org.apache.commons.lang3.StringUtils;

/** Renders protocol text for error messages and logs: control characters made visible, length capped. */
public final class Printable {

    private static final int MAX_SHOWN = 300;

    private Printable() {
    }

    /**
     * The text in double quotes, CR, LF, NUL and other controls shown as {@code \r}, {@code \n}, {@code \x00}, cut
     * to a readable length: a log line must neither break nor carry a whole 8 KiB line.
     */
    public static String quote(CharSequence text) {
        String shown = StringUtils.abbreviate(text.toString(), MAX_SHOWN);
        StringBuilder out = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        if (text.length() > MAX_SHOWN) {
            out.append(" (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
