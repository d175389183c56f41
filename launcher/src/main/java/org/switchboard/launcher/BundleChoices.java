package org.switchboard.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the user chose for the shipped bundles in the plugin manager (started, stopped, uninstalled), kept in the
 * profile so that it outlives a restart and a wiped bundle cache. The plugin manager bundle writes the file (see
 * its {@code BundleChoices}); the launcher only reads it, once, before it installs and starts the bundles. The file
 * is a properties file: a bundle's symbolic name, then {@code started}, {@code stopped} or {@code uninstalled}.
 */
final class BundleChoices {

    /** Framework property that names the file, for the plugin manager. */
    static final String FILE_PROPERTY = "switchboard.bundle.choices";
    static final String FILE_NAME = "bundle-choices.properties";

    enum Choice {
        STARTED, STOPPED, UNINSTALLED
    }

    private static final BundleChoices NONE = new BundleChoices(Map.of());

    private final Map<String, Choice> choices;

    private BundleChoices(Map<String, Choice> choices) {
        this.choices = choices;
    }

    static BundleChoices none() {
        return NONE;
    }

    /** The choices in the file; none when there is no file. A line that makes no sense is ignored, not fatal. */
    static BundleChoices read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return NONE;
        }
        Map<String, Choice> choices = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).trim().toUpperCase(Locale.ROOT);
            for (Choice choice : Choice.values()) {
                if (choice.name().equals(value)) {
                    choices.put(name.trim(), choice);
                }
            }
        }
        return new BundleChoices(Map.copyOf(choices));
    }

    /** The choice for a bundle, or null when the user made none (the bundle's manifest decides). */
    Choice of(String symbolicName) {
        return symbolicName == null ? null : choices.get(symbolicName);
    }

    /** True when some bundle whose name passes the test was chosen to start. */
    boolean anyStarted(java.util.function.Predicate<String> names) {
        for (Map.Entry<String, Choice> entry : choices.entrySet()) {
            if (entry.getValue() == Choice.STARTED && names.test(entry.getKey())) {
                return true;
            }
        }
        return false;
    }

    boolean anyUninstalled() {
        return choices.containsValue(Choice.UNINSTALLED);
    }
}
