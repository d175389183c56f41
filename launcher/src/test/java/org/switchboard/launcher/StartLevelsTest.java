package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/** Which bundles the window waits for, and which start only once it is on screen. */
class StartLevelsTest {

    @Test
    void theWindowsBundlesAreAtTheFirstLevel() {
        for (String name : List.of("org.apache.felix.scr", "org.apache.felix.configadmin", "org.osgi.util.promise",
                "org.switchboard.api", "org.switchboard.protocol", "org.switchboard.session")) {
            assertEquals(SwitchboardRuntime.WINDOW_START_LEVEL, SwitchboardRuntime.startLevel(FakeBundle.named(name,
                    Map.of())), name);
        }
    }

    @Test
    void aUserInterfaceIsAtTheFirstLevelWhateverItsName() {
        assertEquals(SwitchboardRuntime.WINDOW_START_LEVEL, SwitchboardRuntime.startLevel(
                FakeBundle.named("com.example.skin", Map.of(SwitchboardRuntime.ROLE_HEADER, "ui"))));
    }

    @Test
    void whatHearsTheConnectionsStartsAfterTheWindowAndBeforeThem() {
        for (String name : List.of("org.switchboard.keepalive", "org.switchboard.feature.join",
                "org.switchboard.feature.ctcp", "org.switchboard.demo")) {
            assertEquals(SwitchboardRuntime.LATER_START_LEVEL, SwitchboardRuntime.startLevel(FakeBundle.named(name,
                    Map.of())), name);
        }
    }

    @Test
    void theShellFileInstallThePluginsDialogAndTheLogStartAfterTheConnections() {
        for (String name : List.of("org.switchboard.plugins.dialog", "org.switchboard.shell",
                "org.apache.felix.fileinstall", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.jline",
                "org.jline", "org.apache.felix.log")) {
            assertEquals(SwitchboardRuntime.LAST_START_LEVEL, SwitchboardRuntime.startLevel(FakeBundle.named(name,
                    Map.of())), name);
        }
    }

    @Test
    void theConnectionsStartLastSoThatEveryShippedListenerHearsTheirFirstLine() {
        assertEquals(SwitchboardRuntime.CONNECTION_START_LEVEL, SwitchboardRuntime.startLevel(
                FakeBundle.named("org.switchboard.connection", Map.of())));
        assertTrue(SwitchboardRuntime.LAST_START_LEVEL > SwitchboardRuntime.CONNECTION_START_LEVEL);
        assertTrue(SwitchboardRuntime.CONNECTION_START_LEVEL > SwitchboardRuntime.LATER_START_LEVEL);
        assertTrue(SwitchboardRuntime.LATER_START_LEVEL > SwitchboardRuntime.WINDOW_START_LEVEL);
    }

    @Test
    void theFrameworkBeginsAtTheWindowsLevel() throws UsageException {
        for (String[] args : List.of(new String[0], new String[] {"--headless"})) {
            Map<String, String> properties = new SwitchboardRuntime(Path.of("/tmp/home"), CommandLine.parse(args),
                    ProfileDirectories.under(Path.of("/tmp/profile"))).frameworkProperties();
            assertEquals(Integer.toString(SwitchboardRuntime.WINDOW_START_LEVEL),
                    properties.get(Constants.FRAMEWORK_BEGINNING_STARTLEVEL), String.join(" ", args));
        }
    }

    @Test
    void aTraceLineGivesTheMilestoneTheTimeSinceProcessStartAndTheCpuTime() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StartupTrace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "framework initialised");
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.matches("switchboard startup: framework initialised at \\d+ ms \\(CPU \\d+ ms\\)"), line);
    }
}
