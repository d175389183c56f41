package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * {@code --demo} in the real runtime: the demo bundle's loopback server comes up, the client connects to it through
 * an ordinary network configuration, joins the simulated channels and sees hundreds of members and live chatter;
 * without {@code --demo} there is no demo network.
 */
class DemoModeIT {

    private static final String BUFFER = "org.switchboard.api.session.Buffer";

    @TempDir
    Path work;

    @Test
    void demoNetworkConnectsWithBusyChannels() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--demo", "--nick", "painter")) {
            String network = client.awaitConnected();
            assertEquals("demo", network);
            Object session = client.service(ClientRuntime.SESSION, null);
            for (String channel : List.of("#switchboard", "#skins", "#random")) {
                ClientRuntime.await("the client in " + channel, () -> find(client, session, channel).isPresent());
            }
            ClientRuntime.await("the nick list of #switchboard", () -> find(client, session, "#switchboard")
                    .map(b -> (Integer) client.call(b, BUFFER, "memberCount")).orElse(0) == 301);
            client.input(network, "#skins", "hello simulation");
            client.awaitLine(network, "#skins", line -> line.startsWith("painter: "), "a simulated reply");
            // The server answered after playing every channel's backlog; what comes now is live chatter.
            long before = totalLines(client, session);
            ClientRuntime.await("simulated users to keep talking", () -> totalLines(client, session) >= before + 3);
        }
    }

    @Test
    void withoutDemoThereIsNoDemoNetwork() throws Exception {
        try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless")) {
            client.service(ClientRuntime.SESSION, null);
            // The demo component runs in every client (to clean up after a crashed demo); it activates while its
            // bundle starts, so once start-up is over a demo network would already be configured.
            assertEquals(Bundle.ACTIVE, client.bundle("org.switchboard.demo").getState());
            String cm = "org.osgi.service.cm.ConfigurationAdmin";
            Object admin = client.service(cm, null);
            Object found = client.bundle("org.apache.felix.configadmin").loadClass(cm)
                    .getMethod("listConfigurations", String.class).invoke(admin, "(switchboard.demo=true)");
            assertNull(found, "a demo network configuration without --demo");
            assertNull(client.findService(ClientRuntime.CONNECTION, "(irc.network=demo)"));
        }
    }

    private static Optional<?> find(ClientRuntime client, Object session, String name) {
        return (Optional<?>) client.call(session, ClientRuntime.SESSION, "find", "demo", name);
    }

    private static long totalLines(ClientRuntime client, Object session) {
        long total = 0;
        for (String channel : List.of("#switchboard", "#skins", "#random")) {
            total += (Long) client.call(find(client, session, channel).orElseThrow(), BUFFER, "endLine");
        }
        return total;
    }
}
