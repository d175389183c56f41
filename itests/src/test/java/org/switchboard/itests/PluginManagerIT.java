package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.NgircdServer;

/**
 * The PluginManager service in the real runtime, connected to a real ngIRCd: every bundle listed with role, origin
 * and state; features stopped, started, installed from a file (through plugins/) and uninstalled by name, with the
 * connection untouched; the core refused; a jar that is not a bundle, does not resolve or has components that cannot
 * run explained.
 */
class PluginManagerIT {

    private static final String JOIN = "org.switchboard.feature.join";

    @TempDir
    Path work;

    @Test
    void featuresComeAndGoByNameWhileTheCoreIsProtected() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "plugger",
                        "irc://127.0.0.1:" + server.port() + "/#plugins")) {
            client.awaitConnected();
            List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
            PluginManagerClient plugins = new PluginManagerClient(client);

            // Every installed bundle is listed, features first, the core last.
            List<?> all = plugins.plugins();
            assertEquals(client.context().getBundles().length, all.size());
            assertEquals("FEATURE", PluginManagerClient.text(all.get(0), "role"));
            assertEquals("CORE", PluginManagerClient.text(all.get(all.size() - 1), "role"));
            assertRoleOriginState(plugins.plugin(JOIN), "FEATURE", "BUNDLE_FOLDER", "ACTIVE");
            assertRoleOriginState(plugins.plugin("org.switchboard.ui.swing"), "UI_SKIN", "BUNDLE_FOLDER", "INSTALLED");
            assertRoleOriginState(plugins.plugin("org.switchboard.session"), "CORE", "BUNDLE_FOLDER", "ACTIVE");
            assertRoleOriginState(plugins.plugin("org.apache.felix.scr"), "CORE", "BUNDLE_FOLDER", "ACTIVE");
            Object framework = all.stream().filter(p -> (Long) ClientRuntime.get(p, "id") == 0).findFirst().orElseThrow();
            assertRoleOriginState(framework, "CORE", "FRAMEWORK", "ACTIVE");
            assertEquals("Switchboard feature: join", PluginManagerClient.text(plugins.plugin(JOIN), "name"));
            assertEquals(List.of(), PluginManagerClient.problems(plugins.plugin(JOIN)));

            // A feature by a short name: /join goes and comes back, and the outcome says the new state.
            assertEquals("RESOLVED", PluginManagerClient.state(plugins.run("stop", "feature.join")));
            assertFalse(client.hasCommand("join"));
            assertEquals("RESOLVED", PluginManagerClient.state(plugins.plugin(JOIN)), "the list follows");
            assertEquals("ACTIVE", PluginManagerClient.state(plugins.run("start", "join")));
            assertTrue(client.hasCommand("join"));

            // The core is refused, whatever the operation, and stays as it was.
            assertEquals("Refused: org.switchboard.session " + version(client, "org.switchboard.session")
                    + " is part of the client's core (stopping it would take the client down)",
                    plugins.failing("stop", "org.switchboard.session"));
            assertTrue(plugins.failing("uninstall", "connection").startsWith("Refused: org.switchboard.connection"));
            assertTrue(plugins.failing("update", "org.apache.felix.scr").startsWith("Refused: org.apache.felix.scr"));
            assertTrue(plugins.failing("stop", "0").startsWith("Refused: org.apache.felix.framework"));
            assertEquals(Bundle.ACTIVE, client.bundle("org.switchboard.session").getState());
            assertEquals(Bundle.ACTIVE, client.bundle("org.switchboard.connection").getState());
            assertTrue(plugins.failing("stop", "jline").startsWith("'jline' fits several plugins: "));
            assertEquals("No plugin named 'nothing'", plugins.failing("start", "nothing"));

            // Installing from a file copies the jar into plugins/, where FileInstall keeps it.
            Path jar = TestBundles.jar(TestBundles.THROWING);
            Path inPlugins = client.home().resolve("plugins").resolve(jar.getFileName());
            Object installed = plugins.run("install", jar);
            assertRoleOriginState(installed, "FEATURE", "PLUGINS_FOLDER", "ACTIVE");
            assertTrue(Files.isRegularFile(inPlugins), "copied into plugins/");
            assertEquals(Bundle.ACTIVE, client.bundle(TestBundles.THROWING).getState());
            // The same jar again is the same plugin, not a second one.
            assertEquals(ClientRuntime.get(installed, "id"), ClientRuntime.get(plugins.run("install", jar), "id"));

            Object removed = plugins.run("uninstall", TestBundles.THROWING);
            assertEquals("UNINSTALLED", PluginManagerClient.state(removed));
            assertFalse(Files.exists(inPlugins), "its file left plugins/ too, so FileInstall cannot bring it back");
            assertNull(client.bundle(TestBundles.THROWING));
            assertTrue(plugins.listed(TestBundles.THROWING).isEmpty());

            // A bundle that cannot resolve: installed, but the outcome says what it misses; the list says it too.
            String refused = plugins.failing("install", TestBundles.jar(TestBundles.UNRESOLVABLE));
            assertTrue(refused.startsWith("Installed " + TestBundles.UNRESOLVABLE)
                    && refused.contains("but it cannot start: Does not resolve: nothing installed provides package "
                            + "org.switchboard.test.nowhere [1.0.0,2.0.0)"), refused);
            Object unresolvable = plugins.plugin(TestBundles.UNRESOLVABLE);
            assertEquals("INSTALLED", PluginManagerClient.state(unresolvable));
            assertTrue(PluginManagerClient.problems(unresolvable).contains("UNRESOLVED: Does not resolve: nothing "
                    + "installed provides package org.switchboard.test.nowhere [1.0.0,2.0.0)"),
                    PluginManagerClient.problems(unresolvable).toString());
            assertEquals("UNINSTALLED", PluginManagerClient.state(plugins.run("uninstall", TestBundles.UNRESOLVABLE)));

            // A bundle that starts but whose components cannot run: SCR's reasons, as its DTOs give them.
            Object broken = plugins.run("install", TestBundles.jar(TestBundles.BROKEN));
            assertEquals("ACTIVE", PluginManagerClient.state(broken));
            List<String> expected = List.of("COMPONENT: Component org.switchboard.test.broken.FailingComponent failed to "
                    + "activate: java.lang.IllegalStateException: this component refuses to activate",
                    "COMPONENT: Component org.switchboard.test.broken.WaitingComponent waits for "
                    + "org.switchboard.test.broken.WaitingComponent$Missing");
            ClientRuntime.await("SCR's reasons among the broken bundle's problems", () -> {
                try {
                    return PluginManagerClient.problems(plugins.plugin(TestBundles.BROKEN)).containsAll(expected);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            plugins.run("uninstall", TestBundles.BROKEN);

            // A file that is no bundle.
            Path notABundle = work.resolve("notes.jar");
            Files.writeString(notABundle, "just text");
            assertTrue(plugins.failing("install", notABundle).startsWith("notes.jar is not a jar file"));
            assertEquals("No such file: " + work.resolve("missing.jar"), plugins.failing("install", work.resolve("missing.jar")));
            try (var files = Files.list(client.home().resolve("plugins"))) {
                assertEquals(List.of(), files.toList(), "nothing was left in plugins/");
            }

            assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"), "the connection stayed up");
            assertEquals(List.of(), RuntimeWiringIT.unsatisfiedComponents(client));
        }
    }

    private static void assertRoleOriginState(Object plugin, String role, String origin, String state) {
        String name = PluginManagerClient.text(plugin, "symbolicName");
        assertEquals(role, PluginManagerClient.text(plugin, "role"), name + " role");
        assertEquals(origin, PluginManagerClient.text(plugin, "origin"), name + " origin");
        assertEquals(state, PluginManagerClient.state(plugin), name + " state");
    }

    private static String version(ClientRuntime client, String symbolicName) {
        return client.bundle(symbolicName).getVersion().toString();
    }
}
