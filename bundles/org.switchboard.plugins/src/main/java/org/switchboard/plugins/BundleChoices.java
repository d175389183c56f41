package org.switchboard.plugins;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * Remembers, in the profile, what the user did in the plugin manager to a bundle shipped in the installation's
 * {@code bundle/} folder: the launcher installs and starts those at every start, and reads this file to start,
 * leave stopped or leave out what the user chose (bundles of the {@code plugins/} folder need no such help:
 * uninstalling deletes their file, and FileInstall keeps the rest). The launcher names the file in the framework
 * property {@value #FILE_PROPERTY}; without it (a framework started otherwise) nothing is remembered.
 */
final class BundleChoices {

    static final String FILE_PROPERTY = "switchboard.bundle.choices";
    private static final System.Logger LOG = System.getLogger(BundleChoices.class.getName());

    enum Choice {
        STARTED, STOPPED, UNINSTALLED
    }

    private final Path file;

    BundleChoices(Path file) {
        this.file = file;
    }

    /** Records a choice; a failure to write costs only the memory of it, so it is logged, not thrown. */
    synchronized void remember(String symbolicName, Choice choice) {
        if (file == null || symbolicName == null) {
            return;
        }
        try {
            Properties choices = read();
            String value = choice.name().toLowerCase(Locale.ROOT);
            if (value.equals(choices.getProperty(symbolicName))) {
                return;
            }
            choices.setProperty(symbolicName, value);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                choices.store(out, "What the plugin manager was told to do with the shipped bundles");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remember that " + symbolicName + " was " + choice.name()
                    .toLowerCase(Locale.ROOT) + " in " + file + ": " + e.getMessage()
                    + "; it starts as shipped next time");
        }
    }

    /** The recorded choice, or null. */
    synchronized Choice of(String symbolicName) {
        if (file == null) {
            return null;
        }
        try {
            String value = read().getProperty(symbolicName);
            return value == null ? null : Choice.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private Properties read() throws IOException {
        Properties choices = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            choices.load(in);
        } catch (NoSuchFileException e) {
            // nothing chosen yet
        }
        return choices;
    }
}
