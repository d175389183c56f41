package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfileDirectoriesTest {

    private static final Path HOME = Path.of("/home/ann");

    @Test
    void xdgDefaultsWithoutVariables() {
        ProfileDirectories dirs = ProfileDirectories.xdg(Map.of(), HOME);
        assertEquals(Path.of("/home/ann/.config/switchboard"), dirs.config());
        assertEquals(Path.of("/home/ann/.local/share/switchboard"), dirs.data());
        assertEquals(Path.of("/home/ann/.cache/switchboard"), dirs.cache());
    }

    @Test
    void xdgVariablesWinAndRelativeOnesAreIgnored() {
        ProfileDirectories dirs = ProfileDirectories.xdg(
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data", "XDG_CACHE_HOME", ""), HOME);
        assertEquals(List.of(Path.of("/cfg/switchboard"), Path.of("/home/ann/.local/share/switchboard"),
                Path.of("/home/ann/.cache/switchboard")), List.of(dirs.config(), dirs.data(), dirs.cache()));
    }

    @Test
    void profileFolderHoldsEverything() {
        ProfileDirectories dirs = ProfileDirectories.under(Path.of("/p"));
        assertEquals(List.of(Path.of("/p/config"), Path.of("/p/data"), Path.of("/p/cache")),
                List.of(dirs.config(), dirs.data(), dirs.cache()));
    }

    @Test
    void frameworkPropertiesCarryOptionsAndKeepStateInTheProfile() throws UsageException {
        LaunchOptions options = CommandLine.parse("--headless", "--nick", "zed", "irc://h/#c", "ircs://k:7000");
        Map<String, String> props = new SwitchboardRuntime(Path.of("/opt/sb"), options,
                ProfileDirectories.under(Path.of("/p"))).frameworkProperties();
        assertEquals("/p/cache/framework", props.get("org.osgi.framework.storage"));
        assertEquals("/p/config/configadmin", props.get("felix.cm.dir"));
        assertEquals("/opt/sb/plugins", props.get("felix.fileinstall.dir"));
        assertEquals("irc://h/#c ircs://k:7000", props.get("switchboard.connect"));
        assertEquals("zed", props.get("switchboard.nick"));
        assertEquals("true", props.get("switchboard.headless"));
        assertEquals(true, props.get("org.osgi.framework.system.packages.extra").contains("com.formdev.flatlaf.ui;version="));
    }
}
