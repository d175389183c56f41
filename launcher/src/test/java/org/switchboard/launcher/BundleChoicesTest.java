package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class BundleChoicesTest {

    private static final Bundle API = FakeBundle.named("org.switchboard.api", Map.of());
    private static final Bundle CTCP = FakeBundle.named("org.switchboard.feature.ctcp", Map.of());
    private static final Bundle SWING = FakeBundle.named("org.switchboard.ui.swing",
            Map.of(SwitchboardRuntime.ROLE_HEADER, "ui"));
    private static final Bundle COMPACT = FakeBundle.named("org.switchboard.ui.compact",
            Map.of(SwitchboardRuntime.ROLE_HEADER, "ui", SwitchboardRuntime.AUTOSTART_HEADER, "false"));
    private static final Bundle CONSOLE = FakeBundle.named("org.apache.felix.gogo.jline", Map.of());
    private static final List<Bundle> ALL = List.of(API, CTCP, SWING, COMPACT, CONSOLE);

    @TempDir
    Path dir;

    @Test
    void withoutChoicesTheManifestsDecide() throws Exception {
        assertEquals(List.of(API, CTCP, SWING), SwitchboardRuntime.bundlesToStart(ALL, BundleChoices.none(),
                CommandLine.parse(), false));
        assertEquals(List.of(API, CTCP), SwitchboardRuntime.bundlesToStart(ALL, BundleChoices.none(),
                CommandLine.parse("--headless"), false));
        assertEquals(List.of(API, CTCP, SWING, CONSOLE), SwitchboardRuntime.bundlesToStart(ALL, BundleChoices.none(),
                CommandLine.parse("--console"), false));
    }

    @Test
    void aStoppedFeatureStaysStoppedAndAStartedSkinReplacesTheDefaultOne() throws Exception {
        BundleChoices choices = choices("org.switchboard.feature.ctcp=stopped\norg.switchboard.ui.compact=started\n");
        assertEquals(List.of(API, COMPACT), SwitchboardRuntime.bundlesToStart(ALL, choices, CommandLine.parse(), false));
        // The mode of the run still comes first.
        assertEquals(List.of(API), SwitchboardRuntime.bundlesToStart(ALL, choices, CommandLine.parse("--headless"), false));
    }

    @Test
    void aWindowRunWithEverySkinStoppedStillGetsTheDefaultSkin() throws Exception {
        BundleChoices choices = choices("org.switchboard.ui.swing=stopped\n");
        assertEquals(List.of(API, CTCP, SWING), SwitchboardRuntime.bundlesToStart(ALL, choices, CommandLine.parse(), false));
        // ... unless a skin from the plugins folder is set to start.
        assertEquals(List.of(API, CTCP), SwitchboardRuntime.bundlesToStart(ALL, choices, CommandLine.parse(), true));
    }

    @Test
    void unknownValuesAreIgnoredAndAMissingFileMeansNoChoices() throws Exception {
        BundleChoices choices = choices("org.switchboard.feature.ctcp = Uninstalled \nfoo=maybe\n");
        assertEquals(BundleChoices.Choice.UNINSTALLED, choices.of("org.switchboard.feature.ctcp"));
        assertNull(choices.of("foo"));
        assertNull(choices.of(null));
        assertTrue(choices.anyUninstalled());
        BundleChoices none = BundleChoices.read(dir.resolve("absent.properties"));
        assertNull(none.of("org.switchboard.feature.ctcp"));
        assertFalse(none.anyUninstalled());
    }

    @Test
    void theSymbolicNameOfAJarComesWithoutItsAttributes() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.example.skin;singleton:=true");
        Path jar = dir.resolve("skin.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // a manifest is all it needs
        }
        assertEquals("org.example.skin", SwitchboardRuntime.symbolicName(jar));
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        assertNull(SwitchboardRuntime.symbolicName(notAJar));
    }

    private BundleChoices choices(String text) throws IOException {
        Path file = dir.resolve(BundleChoices.FILE_NAME);
        Files.writeString(file, text);
        return BundleChoices.read(file);
    }

    @Test
    void theStartupFrameIsForTheDefaultSkinUnlessAnotherWasChosen() throws Exception {
        assertTrue(SwitchboardRuntime.defaultSkinWillStart(BundleChoices.none()));
        assertTrue(SwitchboardRuntime.defaultSkinWillStart(choices("org.switchboard.feature.ctcp=stopped\n")));
        assertTrue(SwitchboardRuntime.defaultSkinWillStart(choices("org.switchboard.ui.swing=started\n")));
        assertFalse(SwitchboardRuntime.defaultSkinWillStart(choices("org.switchboard.ui.swing=stopped\n")));
        assertFalse(SwitchboardRuntime.defaultSkinWillStart(choices("org.switchboard.ui.compact=started\n")));
    }
}
