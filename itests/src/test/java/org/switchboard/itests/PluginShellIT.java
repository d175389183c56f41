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
 * {@code irc:plugins} and {@code irc:plugin} in the running client, through Gogo: bundles by name rather than by
 * id, the failures of a misbehaving bundle shown, the core refused.
 */
class PluginShellIT {

    private static final String JOIN = "org.switchboard.feature.join";

    @TempDir
    Path work;

    @Test
    void pluginsAreManagedByNameFromTheShell() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            client.service(PluginManagerClient.MANAGER, null);
            GogoSession shell = new GogoSession(client);
            String version = client.bundle(JOIN).getVersion().toString();

            List<String> table = shell.run("irc:plugins").lines().toList();
            assertTrue(table.get(0).matches("ID +PLUGIN +VERSION +ROLE +STATE +FROM +FAILURES +PROBLEMS"), table.get(0));
            assertTrue(table.stream().anyMatch(l -> l.matches("\\d+ +" + JOIN + " +\\S+ +feature +active +bundle/ +0")),
                    String.join("\n", table));
            assertTrue(table.stream().anyMatch(l -> l.matches("\\d+ +org.switchboard.ui.swing +\\S+ +ui skin +installed "
                    + "+bundle/ +0")), String.join("\n", table));
            assertTrue(table.stream().anyMatch(l -> l.matches("\\d+ +org.switchboard.session +\\S+ +core +active +bundle/ "
                    + "+0")), String.join("\n", table));

            assertEquals("Stopped " + JOIN + " " + version + ", now stopped", shell.run("irc:plugin stop join"));
            assertFalse(client.hasCommand("join"));
            assertEquals(Bundle.RESOLVED, client.bundle(JOIN).getState());
            assertEquals("Started " + JOIN + " " + version + ", now active", shell.run("irc:plugin start feature.join"));
            assertTrue(client.hasCommand("join"));

            String refused = shell.runFailing("irc:plugin stop session");
            assertTrue(refused.startsWith("Refused: org.switchboard.session ") && refused.contains("client's core"),
                    refused);
            assertEquals(Bundle.ACTIVE, client.bundle("org.switchboard.session").getState());
            assertEquals("No plugin named 'nothing'", shell.runFailing("irc:plugin start nothing"));
            assertTrue(shell.runFailing("irc:plugin restart join").startsWith("No plugin operation 'restart'"));

            // A bundle installed from a file by the shell, made to fail, and shown with its failure.
            Path jar = TestBundles.jar(TestBundles.THROWING);
            String installed = shell.run("irc:plugin install " + jar);
            assertTrue(installed.matches("Installed " + TestBundles.THROWING + " \\S+, now active \\(copied into the "
                    + "plugins folder\\)"), installed);
            assertTrue(Files.exists(client.home().resolve("plugins").resolve(jar.getFileName())));
            client.awaitCommand("boom");
            client.input(null, "shell", "/boom");
            String details = shell.run("irc:plugin " + TestBundles.THROWING);
            assertTrue(details.lines().anyMatch(l -> l.matches("from +plugins/ file:.*")), details);
            assertTrue(details.lines().anyMatch(l -> l.matches("failures +[1-9]\\d*")), details);
            assertTrue(details.lines().anyMatch(l -> l.matches("problem +callback failed: .* threw IllegalStateException: "
                    + ".*")), details);
            assertTrue(shell.run("irc:plugins").lines().anyMatch(l -> l.matches("\\d+ +" + TestBundles.THROWING
                    + " +\\S+ +feature +active +plugins/ +[1-9]\\d* +.* threw IllegalStateException: .*")));

            assertTrue(shell.run("irc:plugin uninstall throwing").startsWith("Uninstalled " + TestBundles.THROWING));
            assertNull(client.bundle(TestBundles.THROWING));
            assertEquals("Uninstalled " + JOIN + " " + version + " (it ships in the installation's bundle/ folder and "
                    + "comes back at the next start)", shell.run("irc:plugin uninstall join"));
            assertNull(client.bundle(JOIN));
        }
    }
}
