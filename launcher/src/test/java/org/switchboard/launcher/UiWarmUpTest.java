package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiWarmUpTest {

    @TempDir
    Path profileDir;

    private void writeUiConfig(String content) throws IOException {
        Path file = profileDir.resolve("config/configadmin/org/switchboard/ui/swing.config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void lightWithoutAStoredTheme() {
        assertFalse(UiWarmUp.darkThemeChosen(ProfileDirectories.under(profileDir)));
    }

    @Test
    void darkWhenConfigurationAdminStoredIt() throws IOException {
        writeUiConfig("service.pid=\"org.switchboard.ui.swing\"\ntheme=\"dark\"\n");
        assertTrue(UiWarmUp.darkThemeChosen(ProfileDirectories.under(profileDir)));
    }

    @Test
    void lightWhenConfigurationAdminStoredLight() throws IOException {
        writeUiConfig("service.pid=\"org.switchboard.ui.swing\"\ntheme=\"light\"\n");
        assertFalse(UiWarmUp.darkThemeChosen(ProfileDirectories.under(profileDir)));
    }
}
