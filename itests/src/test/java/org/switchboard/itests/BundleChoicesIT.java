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

/**
 * What the user does to shipped bundles in the plugin manager outlives a restart of the client (the launcher
 * installs and starts the installation's bundle/ folder at every start, so without the profile's
 * bundle-choices.properties a stopped or uninstalled feature would be back), also after the bundle cache is gone.
 */
class BundleChoicesIT {

    private static final String CTCP = "org.switchboard.feature.ctcp";
    private static final String AWAY = "org.switchboard.feature.away";
    private static final String JOIN = "org.switchboard.feature.join";

    @TempDir
    Path work;

    @Test
    void stoppedAndUninstalledShippedFeaturesStaySoAfterARestart() throws Exception {
        try (ClientRuntime client = start()) {
            client.awaitCommand("back");
            PluginManagerClient plugins = new PluginManagerClient(client);
            assertEquals("RESOLVED", PluginManagerClient.state(plugins.run("stop", CTCP)));
            assertEquals("UNINSTALLED", PluginManagerClient.state(plugins.run("uninstall", AWAY)));
        }
        Path choices = work.resolve("profile/config/bundle-choices.properties");
        assertTrue(Files.isRegularFile(choices), "the choices are in the profile's configuration");

        try (ClientRuntime client = start()) {
            // Installed but not started (the framework resolves it only when something needs it).
            assertTrue((client.bundle(CTCP).getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) != 0, "still stopped");
            assertNull(client.bundle(AWAY), "still uninstalled, though its jar is in bundle/");
            assertEquals(Bundle.ACTIVE, client.bundle(JOIN).getState(), "the others start as shipped");
            client.awaitCommand("join");
            assertFalse(client.hasCommand("back"), "feature.away's command is gone with it");
            PluginManagerClient plugins = new PluginManagerClient(client);
            assertEquals("ACTIVE", PluginManagerClient.state(plugins.run("start", CTCP)));
        }

        // Started again, and remembered so even when the bundle cache (only a cache) is gone.
        deleteRecursively(work.resolve("profile/cache"));
        try (ClientRuntime client = start()) {
            assertEquals(Bundle.ACTIVE, client.bundle(CTCP).getState());
            assertNull(client.bundle(AWAY));
            assertEquals(List.of(), RuntimeWiringIT.unsatisfiedComponents(client));
        }
    }

    @Test
    void shippedFeaturesStoppedOrUninstalledWithGogoStaySoAndATransientStopIsNotRemembered() throws Exception {
        Path choices = work.resolve("profile/config/bundle-choices.properties");
        try (ClientRuntime client = start()) {
            client.awaitCommand("join");
            assertFalse(Files.exists(choices), "starting the client remembers nothing");
            // what Gogo's "stop" and "start" do: the framework API, persistently; an update or refresh is transient
            client.bundle(JOIN).stop(Bundle.STOP_TRANSIENT);
            client.bundle(JOIN).start(Bundle.START_TRANSIENT);
            client.bundle(CTCP).stop();
            awaitChoice(choices, CTCP, "stopped");
            assertNull(choices(choices).getProperty(JOIN), "a transient stop is not a choice");
            // Gogo's "uninstall": stopped on the way out, and then gone, which is what counts
            client.bundle(AWAY).uninstall();
            awaitChoice(choices, AWAY, "uninstalled");
        }
        deleteRecursively(work.resolve("profile/cache"));
        try (ClientRuntime client = start()) {
            client.awaitCommand("join");
            assertNull(client.bundle(AWAY), "still uninstalled, though its jar is in bundle/");
            assertTrue((client.bundle(CTCP).getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) != 0, "still stopped");
            assertEquals(Bundle.ACTIVE, client.bundle(JOIN).getState());
            client.bundle(CTCP).start();
            awaitChoice(choices, CTCP, "started");
        }
        deleteRecursively(work.resolve("profile/cache"));
        try (ClientRuntime client = start()) {
            assertEquals(Bundle.ACTIVE, client.bundle(CTCP).getState());
        }
    }

    private static java.util.Properties choices(Path file) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    /** Bundle events reach the plugin manager asynchronously. */
    private static void awaitChoice(Path file, String bundle, String choice) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!choice.equals(choices(file).getProperty(bundle))) {
            assertTrue(System.nanoTime() < deadline, bundle + " was not remembered as " + choice + ": "
                    + choices(file));
            Thread.sleep(20);
        }
    }

    private ClientRuntime start() throws Exception {
        return ClientRuntime.start(work, List.of(), "--headless", "--nick", "chooser");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
