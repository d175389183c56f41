package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

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
        assertTrue(SwitchboardRuntime.isAutostart(bundleWithHeaders(Map.of())));
        assertTrue(SwitchboardRuntime.isAutostart(bundleWithHeaders(Map.of("Switchboard-Autostart", "true"))));
        assertFalse(SwitchboardRuntime.isAutostart(bundleWithHeaders(Map.of("Switchboard-Autostart", "false"))));
        assertFalse(SwitchboardRuntime.isAutostart(bundleWithHeaders(Map.of("Switchboard-Autostart", " FALSE "))));
    }

    /** A bundle that only answers getHeaders(): enough for the launcher's manifest checks. */
    private static Bundle bundleWithHeaders(Map<String, String> headers) {
        Dictionary<String, String> dictionary = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders") && (args == null || args.length == 0)) {
                        return dictionary;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
