package org.switchboard.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.switchboard.api.plugins.PluginException;

class PluginNamesTest {

    private final Bundle join = FakeBundle.of(12, "org.switchboard.feature.join", "file:/x/join.jar",
            Map.of("Bundle-Name", "Switchboard feature: join"));
    private final Bundle jline = FakeBundle.of(5, "org.jline");
    private final Bundle gogoJline = FakeBundle.of(6, "org.apache.felix.gogo.jline");
    private final Bundle[] bundles = { FakeBundle.of(0, "org.apache.felix.framework"), jline, gogoJline, join };

    @Test
    void aPluginIsNamedByIdSymbolicNameItsEndOrItsBundleName() {
        assertSame(join, PluginNames.resolve("12", bundles));
        assertSame(join, PluginNames.resolve("org.switchboard.feature.join", bundles));
        assertSame(join, PluginNames.resolve(" Feature.Join ", bundles));
        assertSame(join, PluginNames.resolve("join", bundles));
        assertSame(join, PluginNames.resolve("switchboard feature: JOIN", bundles));
    }

    @Test
    void theFirstWayThatFitsOneBundleWins() {
        // "org.jline" is one bundle's full name, although it also ends another's.
        assertSame(jline, PluginNames.resolve("org.jline", bundles));
    }

    @Test
    void aNameFittingSeveralOrNoneSaysSo() {
        PluginException several = assertThrows(PluginException.class, () -> PluginNames.resolve("jline", bundles));
        assertEquals("'jline' fits several plugins: org.jline 1.2.3 (id 5), org.apache.felix.gogo.jline 1.2.3 (id 6); "
                + "give the full symbolic name or the id", several.getMessage());
        assertEquals("No plugin named 'ctcp'",
                assertThrows(PluginException.class, () -> PluginNames.resolve("ctcp", bundles)).getMessage());
        assertEquals("No plugin has the bundle id 99",
                assertThrows(PluginException.class, () -> PluginNames.resolve("99", bundles)).getMessage());
        assertThrows(PluginException.class, () -> PluginNames.resolve("  ", bundles));
    }
}
