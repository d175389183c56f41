package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.itests.SwingProbe.allOf;
import static org.switchboard.itests.SwingProbe.find;
import static org.switchboard.itests.SwingProbe.first;
import static org.switchboard.itests.SwingProbe.onEventThread;
import static org.switchboard.itests.SwingProbe.visibleFrames;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.swing.JComboBox;
import javax.swing.JList;
import javax.swing.JTree;
import javax.swing.ListModel;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The live UI swap against two real ngIRCd servers: the client, with its window, is connected to both networks
 * through counting relays, joined to channels, with scrollback, nick lists, a query and unread messages. The test
 * stops the default skin, starts the compact one, and swaps back; no byte may reach either server meanwhile, and
 * each new window must show the session's buffers, scrollback counts, nick lists and unread counts within a second.
 */
class UiSwapIT {

    private static final String BUFFER = "org.switchboard.api.session.Buffer";
    private static final int ROUNDS = 3;

    @TempDir
    Path work;

    /** What a UI must show of one buffer, read from the session. */
    record BufferState(long id, String network, String name, long lines, List<String> nicks, int unread) {
    }

    @Test
    void swappingSkinsLiveSendsNothingAndKeepsEverything() throws Exception {
        assertFalse(GraphicsEnvironment.isHeadless(),
                "this test needs a display: run the build under xvfb-run, as the README says");
        try (NgircdServer first = NgircdServer.builder().pingTimeoutSeconds(600).start();
                NgircdServer second = NgircdServer.builder().pingTimeoutSeconds(600).start();
                CountingRelay firstRelay = new CountingRelay(first.host(), first.port());
                CountingRelay secondRelay = new CountingRelay(second.host(), second.port());
                TestIrcClient ann = TestIrcClient.connect(first.host(), first.port(), "ann");
                TestIrcClient ben = TestIrcClient.connect(first.host(), first.port(), "ben");
                TestIrcClient cat = TestIrcClient.connect(second.host(), second.port(), "cat");
                TestIrcClient dan = TestIrcClient.connect(second.host(), second.port(), "dan")) {
            ann.join("#alpha").join("#beta");
            ben.join("#alpha").join("#beta");
            cat.join("#gamma").join("#delta");
            dan.join("#gamma");

            ClientRuntime client = ClientRuntime.start(work, List.of(), "--nick", "swapper",
                    "irc://127.0.0.1:" + firstRelay.port() + "/#alpha,#beta",
                    "irc://127.0.0.1:" + secondRelay.port() + "/#gamma,#delta");
            try {
                client.noIdleProbes();
                Bundle swing = client.bundle("org.switchboard.ui.swing");
                Bundle compact = client.bundle("org.switchboard.ui.compact");
                assertEquals(Bundle.ACTIVE, swing.getState());
                assertNotEquals(Bundle.ACTIVE, compact.getState(), "the second skin must not start by default");
                for (TestIrcClient peer : List.of(ann, ben)) {
                    peer.awaitJoin("swapper", "#alpha");
                    peer.awaitJoin("swapper", "#beta");
                }
                cat.awaitJoin("swapper", "#gamma");
                cat.awaitJoin("swapper", "#delta");
                ClientRuntime.await("the default window", () -> frameWithTree().isPresent());

                // Scrollback and unread messages everywhere but in the first channel, which the window shows.
                for (int i = 0; i < 5; i++) {
                    ann.privmsg("#beta", "beta line " + i);
                    cat.privmsg("#gamma", "gamma line " + i);
                }
                dan.privmsg("#gamma", "\u000304coloured\u0003 last gamma");
                cat.privmsg("#delta", "last delta");
                ben.privmsg("swapper", "a private word");
                ben.privmsg("#beta", "last beta");
                String firstNetwork = networkOf(client, "#beta");
                String secondNetwork = networkOf(client, "#gamma");
                client.awaitLine(firstNetwork, "#beta", l -> l.equals("last beta"), "the last #beta line");
                client.awaitLine(secondNetwork, "#gamma", l -> l.contains("last gamma"), "the last #gamma line");
                client.awaitLine(secondNetwork, "#delta", l -> l.equals("last delta"), "the #delta line");
                client.awaitLine(firstNetwork, "ben", l -> l.equals("a private word"), "the query line");
                Thread.sleep(300); // let the default window's timer settle on what arrived

                List<BufferState> expected = sessionState(client);
                assertTrue(expected.size() >= 7, "2 server buffers, 4 channels and a query: " + expected);
                assertTrue(expected.stream().anyMatch(b -> b.unread() > 0), "some buffers have unread lines");
                long firstBefore = firstRelay.clientBytes();
                long secondBefore = secondRelay.clientBytes();
                assertTrue(firstBefore > 0 && secondBefore > 0, "the relays count what the client sends");

                // Swap to the compact skin and back, a few times; how long each took is reported (the figures in
                // docs/performance-ui.md come from here), not asserted: a busy build machine can stall any round.
                List<Long> compactMillis = new ArrayList<>();
                List<Long> swingMillis = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    swing.stop();
                    ClientRuntime.await("the default window to close", () -> frameWithTree().isEmpty());
                    long started = System.nanoTime();
                    compact.start();
                    awaitClosely("the compact window to show the session", () -> compactMatches(expected));
                    compactMillis.add((System.nanoTime() - started) / 1_000_000);
                    if (round == ROUNDS) {
                        // Showing a buffer marks it read, so this comes after the last comparison of unread counts.
                        checkEveryBufferInCompact(expected);
                    }
                    compact.stop();
                    ClientRuntime.await("the compact window to close", () -> frameWithSwitcher().isEmpty());
                    started = System.nanoTime();
                    swing.start();
                    awaitClosely("the default window to show the session", () -> swingMatches(client, expected));
                    swingMillis.add((System.nanoTime() - started) / 1_000_000);
                }

                long firstSent = firstRelay.clientBytes() - firstBefore;
                long secondSent = secondRelay.clientBytes() - secondBefore;
                System.out.printf("UI swap: bytes sent during %d swaps there and back: %d + %d; compact showed the session "
                        + "after %s ms, the default skin after %s ms%n", ROUNDS, firstSent, secondSent, compactMillis,
                        swingMillis);
                assertEquals(0, firstSent, "bytes sent to the first server during the swap");
                assertEquals(0, secondSent, "bytes sent to the second server during the swap");
                assertEquals(2, ClientRuntime.threadsNamed("switchboard-reader").size(),
                        "both connections kept their reader threads");
            } finally {
                client.close();
            }
        }
    }

    /** Polls every 10 ms (rather than 50) so that the measured time is close to the real one. */
    private static void awaitClosely(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + ClientRuntime.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The network a channel belongs to, from the session. */
    private static String networkOf(ClientRuntime client, String name) throws InterruptedException {
        String[] network = new String[1];
        ClientRuntime.await("buffer " + name, () -> {
            try {
                network[0] = sessionState(client).stream().filter(b -> b.name().equals(name))
                        .map(BufferState::network).findFirst().orElse(null);
                return network[0] != null;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return network[0];
    }

    private static List<BufferState> sessionState(ClientRuntime client) throws InterruptedException {
        Object session = client.service(ClientRuntime.SESSION, null);
        List<BufferState> states = new ArrayList<>();
        for (Object buffer : (List<?>) client.call(session, ClientRuntime.SESSION, "buffers")) {
            states.add(bufferState(client, buffer));
        }
        return states;
    }

    private static BufferState bufferState(ClientRuntime client, Object buffer) {
        long lines = (Long) client.call(buffer, BUFFER, "endLine") - (Long) client.call(buffer, BUFFER, "firstLine");
        List<String> nicks = ((List<?>) client.call(buffer, BUFFER, "members")).stream()
                .map(m -> (String) ClientRuntime.get(m, "nick")).toList();
        return new BufferState((Long) client.call(buffer, BUFFER, "id"),
                (String) client.call(buffer, BUFFER, "network"), (String) client.call(buffer, BUFFER, "name"), lines,
                nicks, (Integer) client.call(buffer, BUFFER, "unreadCount"));
    }

    // ---- the compact skin, read through its named components ----

    private static Optional<Frame> frameWithSwitcher() {
        return visibleFrames().filter(f -> SwingProbe.find(f, "compact.buffers") != null).findFirst();
    }

    /** True when the compact window lists the expected buffers with their unread counts and shows one fully. */
    private static boolean compactMatches(List<BufferState> expected) {
        return SwingProbe.onEventThread(() -> {
            Optional<Frame> frame = frameWithSwitcher();
            if (frame.isEmpty()) {
                return false;
            }
            JComboBox<?> switcher = (JComboBox<?>) SwingProbe.find(frame.get(), "compact.buffers");
            Map<Long, Integer> shownUnread = new LinkedHashMap<>();
            for (int i = 0; i < switcher.getItemCount(); i++) {
                Object item = switcher.getItemAt(i);
                shownUnread.put((Long) ClientRuntime.get(item, "id"), (Integer) ClientRuntime.get(item, "unread"));
            }
            Map<Long, Integer> expectedUnread = expected.stream()
                    .collect(Collectors.toMap(BufferState::id, BufferState::unread, (a, b) -> a, LinkedHashMap::new));
            Object selected = switcher.getSelectedItem();
            if (selected == null) {
                return false;
            }
            // Showing a buffer in an active window marks it read: its count may rightly have dropped to zero.
            Long shownId = (Long) ClientRuntime.get(selected, "id");
            shownUnread.remove(shownId);
            expectedUnread.remove(shownId);
            if (!shownUnread.equals(expectedUnread)) {
                return false;
            }
            return showsBuffer(frame.get(), byId(expected, (Long) ClientRuntime.get(selected, "id")));
        });
    }

    /** Picks every buffer in the switcher in turn and compares its scrollback count and nick list. */
    private static void checkEveryBufferInCompact(List<BufferState> expected) throws InterruptedException {
        for (BufferState buffer : expected) {
            SwingProbe.onEventThread(() -> {
                JComboBox<?> switcher = (JComboBox<?>) SwingProbe.find(frameWithSwitcher().orElseThrow(), "compact.buffers");
                for (int i = 0; i < switcher.getItemCount(); i++) {
                    if ((Long) ClientRuntime.get(switcher.getItemAt(i), "id") == buffer.id()) {
                        switcher.setSelectedIndex(i);
                    }
                }
                return true;
            });
            ClientRuntime.await("the compact window to show " + buffer.name(),
                    () -> SwingProbe.onEventThread(() -> showsBuffer(frameWithSwitcher().orElseThrow(), buffer)));
        }
    }

    private static boolean showsBuffer(Frame frame, BufferState buffer) {
        JList<?> chat = (JList<?>) SwingProbe.find(frame, "compact.chat");
        JList<?> nicks = (JList<?>) SwingProbe.find(frame, "compact.nicks");
        return chat.getModel().getSize() == buffer.lines() && nicksOf(nicks.getModel()).equals(buffer.nicks());
    }

    // ---- the default skin, read through its standard components ----

    private static Optional<Frame> frameWithTree() {
        return visibleFrames().filter(f -> SwingProbe.first(f, JTree.class) != null).findFirst();
    }

    /** True when the default window's tree holds exactly the expected buffers and its nick list one of them. */
    private static boolean swingMatches(ClientRuntime client, List<BufferState> expected) {
        return SwingProbe.onEventThread(() -> {
            Optional<Frame> frame = frameWithTree();
            if (frame.isEmpty()) {
                return false;
            }
            JTree tree = SwingProbe.first(frame.get(), JTree.class);
            List<Long> ids = new ArrayList<>();
            collectBufferIds(client, tree.getModel(), tree.getModel().getRoot(), ids);
            if (!ids.equals(expected.stream().map(BufferState::id).toList())) {
                return false;
            }
            List<String> nicks = SwingProbe.allOf(frame.get(), JList.class).stream().map(list -> nicksOf(list.getModel()))
                    .filter(list -> !list.isEmpty()).findFirst().orElse(List.of());
            return expected.stream().anyMatch(b -> !b.nicks().isEmpty() && b.nicks().equals(nicks));
        });
    }

    private static void collectBufferIds(ClientRuntime client, TreeModel model, Object node, List<Long> ids) {
        if (node instanceof DefaultMutableTreeNode treeNode && !(treeNode.getUserObject() instanceof String)) {
            ids.add((Long) client.call(treeNode.getUserObject(), BUFFER, "id"));
        }
        for (int i = 0; i < model.getChildCount(node); i++) {
            collectBufferIds(client, model, model.getChild(node, i), ids);
        }
    }

    // ---- helpers ----

    private static BufferState byId(List<BufferState> states, long id) {
        return states.stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("the window shows buffer " + id + ", unknown to the session"));
    }

    /** Nicks of a list model holding API Member records; empty for any other list. */
    private static List<String> nicksOf(ListModel<?> model) {
        List<String> nicks = new ArrayList<>();
        for (int i = 0; i < model.getSize(); i++) {
            Object element = model.getElementAt(i);
            if (!element.getClass().getName().equals("org.switchboard.api.session.Member")) {
                return List.of();
            }
            nicks.add((String) ClientRuntime.get(element, "nick"));
        }
        return nicks;
    }
}
