package org.switchboard.ui.swing.settings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.math.NumberUtils;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The session's user-editable settings, read from and written to its ConfigAdmin configuration; the session
 * applies a change at once (highlight words) or to buffers opened afterwards (scrollback size). Calls do file
 * I/O: never on the event thread.
 */
public final class SessionSettingsStore {

    /** The session's configuration PID (the session bundle's own constant; no implementation package is shared). */
    static final String SESSION_PID = "org.switchboard.session";
    static final String HIGHLIGHT_WORDS = "highlightWords";
    static final String SCROLLBACK_LINES = "scrollbackLines";
    /** The session's defaults, for a configuration nobody has written yet. */
    static final int DEFAULT_SCROLLBACK_LINES = 10_000;
    static final int MIN_SCROLLBACK_LINES = 100;

    /** What the preferences dialog edits. */
    public record SessionSettings(List<String> highlightWords, int scrollbackLines) {
        public SessionSettings {
            highlightWords = cleanWords(highlightWords);
            scrollbackLines = Math.max(MIN_SCROLLBACK_LINES, scrollbackLines);
        }
    }

    private final ConfigurationAdmin admin;

    public SessionSettingsStore(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    public SessionSettings load() throws IOException {
        Dictionary<String, Object> properties = configuration().getProperties();
        if (properties == null) {
            return new SessionSettings(List.of(), DEFAULT_SCROLLBACK_LINES);
        }
        return new SessionSettings(words(properties.get(HIGHLIGHT_WORDS)),
                number(properties.get(SCROLLBACK_LINES), DEFAULT_SCROLLBACK_LINES));
    }

    /** Stores the settings, keeping every other property of the session's configuration as it was. */
    public void save(SessionSettings settings) throws IOException {
        Configuration configuration = configuration();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(HIGHLIGHT_WORDS, settings.highlightWords().toArray(String[]::new));
        properties.put(SCROLLBACK_LINES, settings.scrollbackLines());
        configuration.update(properties);
    }

    private Configuration configuration() throws IOException {
        // "?": usable by the session bundle, as NetworkStore does for the connection bundle.
        return admin.getConfiguration(SESSION_PID, "?");
    }

    /**
     * Words as the user typed them — one per line or separated by commas — without blanks and without repeats
     * (highlighting ignores case, so neither does this).
     */
    public static List<String> parseWords(String text) {
        return cleanWords(List.of(StringUtils.split(StringUtils.defaultString(text), ",\n\r")));
    }

    private static List<String> cleanWords(List<String> words) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> cleaned = new ArrayList<>();
        for (String word : words) {
            String stripped = StringUtils.strip(word);
            if (StringUtils.isNotEmpty(stripped) && seen.add(stripped.toLowerCase(Locale.ROOT))) {
                cleaned.add(stripped);
            }
        }
        return List.copyOf(cleaned);
    }

    private static List<String> words(Object value) {
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : parseWords(value.toString());
    }

    private static int number(Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value == null ? fallback : NumberUtils.toInt(value.toString().strip(), fallback);
    }
}
