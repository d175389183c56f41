package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.InspircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * Capabilities as bundles, against a real InspIRCd with cap-notify: feature.away wants away-notify, so starting it
 * mid-session negotiates the capability with CAP REQ on the live link, and stopping it releases it with
 * CAP REQ :-away-notify — never reconnecting.
 */
class CapabilityBundleIT {

    private static final String AWAY_NOTIFY = "away-notify";

    @TempDir
    Path work;

    @Test
    void startingAndStoppingTheAwayBundleRequestsAndReleasesAwayNotifyMidSession() throws Exception {
        try (InspircdServer server = InspircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#caps");
            // feature.away is not in bundle/ at start, so registration negotiates without it; it is installed
            // (stopped) from the distribution once the link is up.
            try (ClientRuntime client = ClientRuntime.start(work, List.of("org.switchboard.feature.away"),
                    "--headless", "--nick", "capper", "irc://127.0.0.1:" + server.port() + "/#caps")) {
                String network = client.awaitConnected();
                Object connection = client.connection(network);
                peer.awaitJoin("capper", "#caps");
                Bundle away = client.context().installBundle(
                        ClientRuntime.distributionBundle("org.switchboard.feature.away").toUri().toString());
                assertFalse(enabled(client, connection).contains(AWAY_NOTIFY), "nobody asked for away-notify");
                Set<String> base = enabled(client, connection);
                assertTrue(base.contains("cap-notify"), "InspIRCd offers cap-notify, the client takes it: " + base);
                List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
                assertEquals(1, readers.size(), readers.toString());

                away.start();
                ClientRuntime.await("away-notify to be acknowledged after feature.away started",
                        () -> enabled(client, connection).contains(AWAY_NOTIFY));

                // Now the server tells us live, and the session marks the member away (shown by /aways).
                peer.send("AWAY :gone fishing");
                Object dispatcher = client.service(ClientRuntime.DISPATCHER, null);
                ClientRuntime.await("peer to be marked away through away-notify", () -> {
                    client.call(dispatcher, ClientRuntime.DISPATCHER, "execute", network, "#caps", "/aways");
                    return linesOf(client, network).stream().anyMatch(l -> l.startsWith("Away in #caps (1): peer"));
                });

                away.stop();
                ClientRuntime.await("away-notify to be released after feature.away stopped",
                        () -> !enabled(client, connection).contains(AWAY_NOTIFY));
                assertEquals(base, enabled(client, connection), "only away-notify was released");
                assertFalse(client.hasCommand("aways"));

                away.start();
                ClientRuntime.await("away-notify to come back on a second start",
                        () -> enabled(client, connection).contains(AWAY_NOTIFY));

                assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"),
                        "the capabilities changed on the same link: no reconnect");
                assertTrue(readers.get(0).isAlive());
                assertEquals("CONNECTED", String.valueOf(client.call(connection, ClientRuntime.CONNECTION, "state")));
            }
        }
    }

    private static List<String> linesOf(ClientRuntime client, String network) {
        try {
            return client.lines(network, "#caps");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> enabled(ClientRuntime client, Object connection) {
        return Set.copyOf((Set<String>) client.call(connection, ClientRuntime.CONNECTION, "enabledCapabilities"));
    }
}
