package org.switchboard.itests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * Fault cases that the current client gets wrong, written as the tests that should pass once fixed. The class name
 * deliberately matches none of failsafe's default patterns (*IT), so the build stays green until the fixes land;
 * run it with {@code xvfb-run -a mvn -B -o verify -pl itests -Dit.test=OpenFaultBugsReproducer}. When a case
 * passes, move it into {@link FaultInjectionIT}.
 */
class OpenFaultBugsReproducer {

    @TempDir
    Path work;

    /**
     * A server that accepts the connection and reads NICK/USER but never answers (never 001, never closes) must
     * not hold the client in REGISTERING for ever: after a registration timeout (the connect timeout, or the
     * keepalive's dead-link time, here shortened to 2 s) the client must say so and try again. Today nothing
     * watches a link before 001 (the keepalive only watches CONNECTED links; the connect timeout ends at the TCP
     * connect/TLS handshake), so the client waits until the TCP keepalive of the OS gives up, hours later.
     */
    @Test
    void serverThatNeverCompletesRegistrationIsGivenUpOnAndRetried() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "patient",
                        "irc://127.0.0.1:" + server.port() + "/#never")) {
            client.service(ClientRuntime.CONNECTION, null);
            Object admin = client.service("org.osgi.service.cm.ConfigurationAdmin", null);
            Class<?> adminType = client.bundle("org.apache.felix.configadmin")
                    .loadClass("org.osgi.service.cm.ConfigurationAdmin");
            Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
                    .invoke(admin, "org.switchboard.keepalive", "?");
            java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
            properties.put("probeAfterIdleSeconds", 1);
            properties.put("deadAfterSeconds", 2);
            client.bundle("org.apache.felix.configadmin").loadClass("org.osgi.service.cm.Configuration")
                    .getMethod("update", java.util.Dictionary.class).invoke(configuration, properties);

            ScriptedIrcServer.Peer silent = server.awaitPeer(Duration.ofSeconds(20));
            silent.awaitLine(line -> line.startsWith("USER "), Duration.ofSeconds(20));
            // never a reply: the client should give up on this link within the connect timeout (15 s by default)
            server.awaitPeer(Duration.ofSeconds(30));
        }
    }
}
