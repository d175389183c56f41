package org.switchboard.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleChoicesTest {

    @TempDir
    Path dir;

    @Test
    void choicesAreKeptPerBundleAndTheLatestWins() throws IOException {
        Path file = dir.resolve("config/bundle-choices.properties");
        BundleChoices choices = new BundleChoices(file);
        choices.remember("org.switchboard.feature.ctcp", BundleChoices.Choice.STOPPED);
        choices.remember("org.switchboard.feature.away", BundleChoices.Choice.UNINSTALLED);
        choices.remember("org.switchboard.feature.ctcp", BundleChoices.Choice.STARTED);

        // A fresh reader sees what was written: the file, not memory, is what the launcher gets.
        BundleChoices reread = new BundleChoices(file);
        assertEquals(BundleChoices.Choice.STARTED, reread.of("org.switchboard.feature.ctcp"));
        assertEquals(BundleChoices.Choice.UNINSTALLED, reread.of("org.switchboard.feature.away"));
        assertNull(reread.of("org.switchboard.feature.join"));
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            raw.load(in);
        }
        assertEquals("started", raw.getProperty("org.switchboard.feature.ctcp"));
        assertEquals("uninstalled", raw.getProperty("org.switchboard.feature.away"));
        assertEquals(2, raw.size());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void withoutAFileNothingIsRememberedAndNothingFails() {
        BundleChoices choices = new BundleChoices(null);
        choices.remember("org.switchboard.feature.ctcp", BundleChoices.Choice.STOPPED);
        assertNull(choices.of("org.switchboard.feature.ctcp"));
    }

    @Test
    void aFileThatCannotBeWrittenCostsOnlyTheMemory() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        BundleChoices choices = new BundleChoices(notADirectory.resolve("bundle-choices.properties"));
        choices.remember("org.switchboard.feature.ctcp", BundleChoices.Choice.STOPPED);
        assertNull(choices.of("org.switchboard.feature.ctcp"));
        assertTrue(Files.isRegularFile(notADirectory));
    }
}
