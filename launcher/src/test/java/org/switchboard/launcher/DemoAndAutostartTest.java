package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoAndAutostartTest {

    @Test
    void demoOptionBecomesTheDemoFrameworkProperty() throws UsageException {
        LaunchOptions options = CommandLine.parse("--demo", "--nick", "tester");
        assertTrue(options.demo());
        Map<String, String> properties = new SwitchboardRuntime(Path.of("/tmp/home"), options,
                ProfileDirectories.under(Path.of("/tmp/profile"))).frameworkProperties();
        assertEquals("true", properties.get("switchboard.demo"));
        assertEquals("tester", properties.get("switchboard.nick"));
    }

    @Test
    void withoutDemoOptionThereIsNoDemoProperty() throws UsageException {
        LaunchOptions options = CommandLine.parse("irc://127.0.0.1/#a");
        assertFalse(options.demo());
        Map<String, String> properties = new SwitchboardRuntime(Path.of("/tmp/home"), options,
                ProfileDirectories.under(Path.of("/tmp/profile"))).frameworkProperties();
        assertNull(properties.get("switchboard.demo"));
    }

    @Test
    void usageMentionsDemo() {
        assertTrue(CommandLine.USAGE.contains("--demo"));
    }

    @Test
    void onlyAnExplicitFalseAutostartHeaderKeepsABundleStopped() {
        assertTrue(SwitchboardRuntime.isAutostart(FakeBundle.withHeaders(Map.of())));
        assertTrue(SwitchboardRuntime.isAutostart(FakeBundle.withHeaders(Map.of("Switchboard-Autostart", "true"))));
        assertFalse(SwitchboardRuntime.isAutostart(FakeBundle.withHeaders(Map.of("Switchboard-Autostart", "false"))));
        assertFalse(SwitchboardRuntime.isAutostart(FakeBundle.withHeaders(Map.of("Switchboard-Autostart", " FALSE "))));
    }
}
