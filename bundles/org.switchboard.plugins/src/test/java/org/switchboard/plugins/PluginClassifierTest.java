package org.switchboard.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginRole;

class PluginClassifierTest {

    private final PluginClassifier classifier = new PluginClassifier(
            List.of("org.switchboard.session", "org.apache.felix."), Path.of("/opt/sb/bundle"), Path.of("/opt/sb/plugins"));

    @Test
    void theCoreIsTheConfiguredListSkinsSayWhatTheyAreEverythingElseIsAFeature() {
        assertEquals(PluginRole.CORE, classifier.role(FakeBundle.of(0, "org.apache.felix.framework")));
        assertEquals(PluginRole.CORE, classifier.role(FakeBundle.of(3, "org.apache.felix.scr")));
        assertEquals(PluginRole.CORE, classifier.role(FakeBundle.of(4, "org.switchboard.session")));
        assertEquals(PluginRole.FEATURE, classifier.role(FakeBundle.of(5, "org.switchboard.sessionext")));
        assertEquals(PluginRole.UI_SKIN, classifier.role(FakeBundle.of(6, "org.example.skin", "file:/tmp/s.jar",
                Map.of("Switchboard-Role", "ui"))));
        // A plugin cannot make itself core.
        assertEquals(PluginRole.FEATURE, classifier.role(FakeBundle.of(7, "org.example.sticky", "file:/tmp/s.jar",
                Map.of("Switchboard-Role", "core"))));
    }

    @Test
    void theOriginComesFromTheLocationInEitherSpellingOfFileUris() {
        assertEquals(PluginOrigin.FRAMEWORK, classifier.origin(FakeBundle.of(0, "org.apache.felix.framework",
                "System Bundle", Map.of())));
        assertEquals(PluginOrigin.BUNDLE_FOLDER, classifier.origin(FakeBundle.of(1, "a", "file:///opt/sb/bundle/a.jar",
                Map.of())));
        assertEquals(PluginOrigin.PLUGINS_FOLDER, classifier.origin(FakeBundle.of(2, "b", "file:/opt/sb/plugins/b.jar",
                Map.of())));
        assertEquals(PluginOrigin.BUNDLE_FOLDER, classifier.origin(FakeBundle.of(3, "c",
                "reference:file:/opt/sb/bundle/../bundle/c.jar", Map.of())));
        assertEquals(PluginOrigin.OTHER, classifier.origin(FakeBundle.of(4, "d", "file:/opt/sb/pluginsX/d.jar",
                Map.of())));
        assertEquals(PluginOrigin.OTHER, classifier.origin(FakeBundle.of(5, "e", "https://example.org/e.jar",
                Map.of())));
        assertEquals(PluginOrigin.OTHER, classifier.origin(FakeBundle.of(6, "f", "not a uri at all", Map.of())));
        assertEquals(Optional.of(Path.of("/opt/sb/plugins/b.jar")), PluginClassifier.file("file:/opt/sb/plugins/b.jar"));
    }
}
