package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.swing.JButton;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * Feature bundles with UI contributions, started and stopped while the client stays connected: their menu actions
 * appear and vanish in both skins without a restart of the UI, their listeners come and go, no byte reaches the
 * server and the connection is not re-established. A highlight reaches feature.notify, and the skin's navigation
 * service shows the highlighted line.
 */
class UiContributionIT {

    private static final String CHANNEL_LIST = "Channel list\u2026";
    private static final String MUTE = "Mute notifications from ";
    private static final String PLUGINS = "Plugins\u2026";
    private static final String NAVIGATION = "org.switchboard.api.ui.UiNavigation";
    private static final String CONTEXT = "org.switchboard.api.ui.UiContext";
    private static final String LISTENER = "org.switchboard.api.connection.IrcMessageListener";
    private static final String NOTIFY_THREAD = "switchboard-notify";

    @TempDir
    Path work;

    @Test
    void actionsAndListenersComeAndGoWithTheirBundlesInBothSkins() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.builder().pingTimeoutSeconds(600).start();
                CountingRelay relay = new CountingRelay(server.host(), server.port())) {
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "hoster",
                    "irc://127.0.0.1:" + relay.port() + "/#lobby")) {
                client.noIdleProbes();
                String network = client.awaitConnected();
                client.awaitLine(network, "#lobby", line -> line.contains("hoster"), "the own join");
                awaitSwingMenu("both features' actions", items -> items.contains("Tools/" + CHANNEL_LIST)
                        && items.stream().anyMatch(i -> i.startsWith("Tools/" + MUTE)));
                assertNotNull(claimant(client), "feature.join claims the channel list replies");
                long sentBefore = relay.awaitClientQuiet(1000);
                List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
                assertEquals(1, readers.size());

                Bundle join = client.bundle("org.switchboard.feature.join");
                Bundle notify = client.bundle("org.switchboard.feature.notify");
                join.stop();
                awaitSwingMenu("the channel list action to go", items -> !items.contains("Tools/" + CHANNEL_LIST)
                        && items.stream().anyMatch(i -> i.startsWith("Tools/" + MUTE)));
                assertNull(claimant(client), "its listener went with it");
                notify.stop();
                awaitSwingMenu("only the Plugins dialog's action left in Tools", items -> items.stream()
                        .filter(i -> i.startsWith("Tools/")).toList().equals(List.of("Tools/" + PLUGINS)));
                join.start();
                notify.start();
                awaitSwingMenu("both actions back", items -> items.contains("Tools/" + CHANNEL_LIST)
                        && items.stream().anyMatch(i -> i.startsWith("Tools/" + MUTE)));
                ClientRuntime.await("the listener back", () -> claimant(client) != null);

                Bundle swing = client.bundle("org.switchboard.ui.swing");
                Bundle compact = client.bundle("org.switchboard.ui.compact");
                swing.stop();
                compact.start();
                awaitCompactActions("both actions and the Plugins dialog's in the compact skin",
                        actions -> actions.contains(CHANNEL_LIST) && actions.stream().anyMatch(a -> a.startsWith(MUTE))
                                && actions.get(actions.size() - 1).equals(PLUGINS));
                join.stop();
                awaitCompactActions("the channel list action to leave the compact skin",
                        actions -> !actions.contains(CHANNEL_LIST) && !actions.isEmpty());
                assertNull(claimant(client));
                join.start();
                awaitCompactActions("the channel list action back in the compact skin",
                        actions -> actions.contains(CHANNEL_LIST));
                compact.stop();
                assertNull(claimant(client), "without a skin nobody shows the replies, so nobody claims them");
                swing.start();
                awaitSwingMenu("the actions in the default skin again", items -> items.contains("Tools/" + CHANNEL_LIST));
                ClientRuntime.await("the listener back with the skin", () -> claimant(client) != null);

                assertEquals(sentBefore, relay.clientBytes(), "no byte was sent to the server");
                assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"), "no reconnect");
            }
        }
    }

    @Test
    void aHighlightReachesTheNotifierAndNavigationShowsItsLine() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "pinger")) {
            peer.join("#lobby").join("#other");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "shown",
                    "irc://127.0.0.1:" + server.port() + "/#lobby,#other")) {
                String network = client.awaitConnected();
                peer.awaitJoin("shown", "#lobby");
                peer.awaitJoin("shown", "#other");
                assertTrue(ClientRuntime.threadsNamed(NOTIFY_THREAD).isEmpty(), "no highlight, no thread yet");
                ClientRuntime.await("the window", () -> SwingProbe.onEventThread(
                        () -> SwingProbe.mainFrame().isPresent()));
                Object navigation = client.service(NAVIGATION, null);
                Object session = client.service(ClientRuntime.SESSION, null);
                long lobby = bufferId(client, session, network, "#lobby");
                long other = bufferId(client, session, network, "#other");
                client.call(navigation, NAVIGATION, "show", lobby, -1L);
                ClientRuntime.await("#lobby on display", () -> shownBuffer(client, navigation).equals("#lobby"));

                peer.privmsg("#other", "shown: look over here");
                client.awaitLine(network, "#other", line -> line.equals("shown: look over here"), "the highlight");
                ClientRuntime.await("feature.notify to handle the highlight on its own thread",
                        () -> !ClientRuntime.threadsNamed(NOTIFY_THREAD).isEmpty());

                List<String> lines = client.lines(network, "#other");
                Object buffer = ((Optional<?>) client.call(session, ClientRuntime.SESSION, "byId", other)).orElseThrow();
                long first = (Long) client.call(buffer, "org.switchboard.api.session.Buffer", "firstLine");
                long line = first + lines.indexOf("shown: look over here");
                client.call(navigation, NAVIGATION, "show", other, line);
                ClientRuntime.await("the highlighted channel on display", () -> shownBuffer(client, navigation)
                        .equals("#other"));

                client.bundle("org.switchboard.feature.notify").stop();
                ClientRuntime.await("the notification thread to end with its bundle",
                        () -> ClientRuntime.threadsNamed(NOTIFY_THREAD).isEmpty());
            }
        }
    }

    private static void awaitSwingMenu(String what, java.util.function.Predicate<List<String>> condition)
            throws InterruptedException {
        ClientRuntime.await(what, () -> SwingProbe.onEventThread(
                () -> condition.test(SwingProbe.mainFrame().map(SwingProbe::menuItems).orElse(List.of()))));
    }

    /** The labels of the compact skin's actions popup, as it would open now; empty while the button is hidden. */
    private static void awaitCompactActions(String what, java.util.function.Predicate<List<String>> condition)
            throws InterruptedException {
        ClientRuntime.await(what, () -> SwingProbe.onEventThread(() -> {
            Optional<Component> button = SwingProbe.mainFrame().map(f -> SwingProbe.find(f, "compact.actions"));
            List<String> labels = new ArrayList<>();
            if (button.isPresent() && button.get().isVisible()) {
                JPopupMenu popup = (JPopupMenu) button.get().getClass().getMethod("popup").invoke(button.get());
                for (Component item : popup.getComponents()) {
                    if (item instanceof JMenuItem menuItem) {
                        labels.add(menuItem.getText());
                    }
                }
            }
            return button.isPresent() && button.get() instanceof JButton && condition.test(labels);
        }));
    }

    /** The registered listener that claims replies from the server buffer, or null. */
    private static Object claimant(ClientRuntime client) {
        try {
            Object[] refs = client.context().getAllServiceReferences(LISTENER, "(irc.claims=*)");
            return refs == null ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long bufferId(ClientRuntime client, Object session, String network, String name)
            throws InterruptedException {
        // The peer sees our JOIN as soon as the server relays it, which can be before our own reader has read the
        // server's echo of it and made the buffer.
        ClientRuntime.await("the buffer " + name, () -> ((Optional<?>) client.call(session, ClientRuntime.SESSION,
                "find", network, name)).isPresent());
        Object buffer = ((Optional<?>) client.call(session, ClientRuntime.SESSION, "find", network, name)).orElseThrow();
        return (Long) client.call(buffer, "org.switchboard.api.session.Buffer", "id");
    }

    /** The name of the buffer the skin shows, read through its navigation service on the event thread. */
    private static String shownBuffer(ClientRuntime client, Object navigation) {
        return SwingProbe.onEventThread(() -> {
            Object context = client.call(navigation, NAVIGATION, "context");
            Optional<?> buffer = (Optional<?>) client.call(context, CONTEXT, "buffer");
            return buffer.map(b -> (String) ClientRuntime.get(b, "name")).orElse("");
        });
    }
}
