package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * Feature bundles that misbehave — one throwing from every callback, one whose command blocks, one that cannot
 * resolve — installed at runtime into a connected client: the connection keeps reading and answering PINGs,
 * messages keep reaching the session, other commands keep running, and the rest of the runtime is untouched. The
 * plugin manager shows each one's trouble: the thrower's failures counted exactly but logged once (not once per
 * message of a flood), the blocking command while it blocks, the missing package of the unresolvable one.
 */
class IsolationIT {

    private static final Duration LONG = Duration.ofSeconds(20);
    private static final int FLOOD = 500;
    /** The logger the plugin manager's callback monitor writes to (System.Logger goes to java.util.logging here). */
    private static final String MONITOR_LOGGER = "org.switchboard.plugins.PluginManagerComponent";

    @TempDir
    Path work;

    @Test
    void misbehavingBundlesDisturbNeitherTheConnectionNorTheSessionNorOtherCommands() throws Exception {
        Logger monitorLog = Logger.getLogger(MONITOR_LOGGER);
        List<String> monitorLines = new CopyOnWriteArrayList<>();
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                monitorLines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        monitorLog.addHandler(recorder);
        try (ScriptedIrcServer server = ScriptedIrcServer.start();
                ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "iso",
                        "irc://127.0.0.1:" + server.port() + "/#lobby")) {
            ScriptedIrcServer.Peer peer = server.awaitPeer(LONG);
            peer.awaitLine(line -> line.startsWith("USER "), LONG);
            peer.welcome("iso", "CHANTYPES=#", "PREFIX=(ov)@+");
            String network = client.awaitConnected();
            peer.awaitLine(line -> line.startsWith("JOIN #lobby"), LONG);
            peer.sendAll(":iso!u@h JOIN #lobby", ":" + ScriptedIrcServer.SERVER_NAME + " 353 iso = #lobby :iso peer",
                    ":" + ScriptedIrcServer.SERVER_NAME + " 366 iso #lobby :End of /NAMES list.");
            ClientRuntime.await("the #lobby buffer", () -> hasBuffer(client, network, "#lobby"));
            List<Thread> readers = ClientRuntime.threadsNamed("switchboard-reader");
            assertEquals(1, readers.size(), readers.toString());
            Map<String, Integer> statesBefore = states(client);

            Bundle throwing = client.context().installBundle(TestBundles.jar(TestBundles.THROWING).toUri().toString());
            throwing.start();
            Bundle blocking = client.context().installBundle(TestBundles.jar(TestBundles.BLOCKING).toUri().toString());
            blocking.start();
            Path unresolvableJar = TestBundles.jar(TestBundles.UNRESOLVABLE);
            Files.copy(unresolvableJar, client.home().resolve("plugins").resolve(unresolvableJar.getFileName()));
            ClientRuntime.await("FileInstall to install the unresolvable bundle",
                    () -> client.bundle(TestBundles.UNRESOLVABLE) != null);
            Object thrower = client.service("org.switchboard.api.connection.IrcMessageListener",
                    "(switchboard.test=throwing)");
            Object blocker = client.service("org.switchboard.api.command.CommandHandler", "(switchboard.test=blocking)");

            // Every message now goes through a listener that throws; the session still gets it.
            peer.send(":peer!p@h PRIVMSG #lobby :first after the thrower");
            client.awaitLine(network, "#lobby", "first after the thrower"::equals, "the first message");
            pingAnswered(peer, "iso-1");

            // A flood through the thrower: every failure is counted, only the first one is logged.
            PluginManagerClient plugins = new PluginManagerClient(client);
            long failuresBefore = PluginManagerClient.failures(plugins.plugin(TestBundles.THROWING));
            assertTrue(failuresBefore >= 1, "the first message's failure is counted");
            for (int i = 0; i < FLOOD; i++) {
                peer.send(":peer!p@h PRIVMSG #lobby :flood " + i);
            }
            client.awaitLine(network, "#lobby", ("flood " + (FLOOD - 1))::equals, "the end of the flood");
            Object thrown = plugins.plugin(TestBundles.THROWING);
            assertTrue(PluginManagerClient.failures(thrown) >= failuresBefore + FLOOD,
                    "every failure counted: " + PluginManagerClient.failures(thrown));
            assertTrue(PluginManagerClient.problems(thrown).stream().anyMatch(p -> p.startsWith("CALLBACK_FAILED: ")
                    && p.contains(" threw IllegalStateException: test bundle throws on ")), PluginManagerClient
                    .problems(thrown).toString());
            assertEquals(1, logged(monitorLines, TestBundles.THROWING).size(), "one log line for the whole flood: "
                    + logged(monitorLines, TestBundles.THROWING));

            // A command that blocks: its caller (here the test thread, as the UI's one input thread would be) gets
            // control back and goes on typing while the handler blocks a dispatcher worker.
            client.input(network, "#lobby", "/block");
            client.awaitLine(network, "#lobby", line -> line.startsWith("blocking on switchboard-command-"),
                    "/block to start blocking on a dispatcher worker");
            client.awaitLine(network, "#lobby", "/block is taking a while; it goes on in the background"::equals,
                    "the caller told that /block goes on in the background");
            client.input(network, "#lobby", "/block");
            client.awaitLine(network, "#lobby", "/block is still busy with an earlier call; not run again"::equals,
                    "a second /block refused while the first still blocks");
            client.input(network, "#lobby", "/join #second");
            peer.awaitLine(line -> line.startsWith("JOIN #second"), LONG);
            client.input(network, "#lobby", "/boom");
            client.awaitLine(network, "#lobby", "/boom failed: boom"::equals, "the thrown command reported");
            peer.send(":peer!p@h PRIVMSG #lobby :second while blocked");
            client.awaitLine(network, "#lobby", "second while blocked"::equals, "a message while /block blocks");
            pingAnswered(peer, "iso-2");
            assertTrue(String.valueOf(ClientRuntime.get(blocker, "blockedThread")).startsWith("switchboard-command-"),
                    "/block still holds its worker");
            ClientRuntime.await("the plugin manager to show /block blocking", () -> {
                try {
                    return PluginManagerClient.problems(plugins.plugin(TestBundles.BLOCKING)).stream().anyMatch(p -> p
                            .matches("CALLBACK_BLOCKED: /block has been running for \\d+ s on switchboard-command-\\S+"));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertTrue((Long) ClientRuntime.get(thrower, "messagesSeen") >= 2, "the throwing listener was called");
            assertTrue((Long) ClientRuntime.get(thrower, "sessionEventsSeen") >= 2, "the throwing session listener");
            assertTrue((Long) ClientRuntime.get(thrower, "connectionEventsSeen") >= 1, "the throwing connection listener");

            // The unresolvable bundle stays INSTALLED, says why, and provides nothing.
            Bundle unresolvable = client.bundle(TestBundles.UNRESOLVABLE);
            assertEquals(Bundle.INSTALLED, unresolvable.getState());
            BundleException refused = assertThrows(BundleException.class, unresolvable::start);
            assertTrue(refused.getMessage().contains("org.switchboard.test.nowhere"),
                    "the start failure names the missing package: " + refused.getMessage());
            List<String> logged = logMentioning(client, "org.switchboard.test.nowhere");
            assertTrue(logged.stream().anyMatch(line -> line.contains(TestBundles.UNRESOLVABLE)),
                    "the log names the bundle and the package it misses: " + logged);
            assertFalse(client.hasCommand("ghost"));
            assertEquals(List.of("UNRESOLVED: Does not resolve: nothing installed provides package "
                    + "org.switchboard.test.nowhere [1.0.0,2.0.0)"),
                    PluginManagerClient.problems(plugins.plugin(TestBundles.UNRESOLVABLE)));

            // Stopping the blocking bundle releases its worker; removing all three leaves everything as it was.
            blocking.stop();
            ClientRuntime.await("stopping the bundle to release the blocked worker",
                    () -> ClientRuntime.get(blocker, "blockedThread") == null);
            assertTrue(PluginManagerClient.problems(plugins.plugin(TestBundles.BLOCKING)).stream()
                    .anyMatch(p -> p.matches("CALLBACK_BLOCKED: /block took \\d+ s \\(at .*\\)")),
                    "afterwards, how long it took");
            throwing.uninstall();
            ClientRuntime.await("the count of unlogged failures to be logged when the thrower went",
                    () -> logged(monitorLines, TestBundles.THROWING).size() == 2);
            assertTrue(logged(monitorLines, TestBundles.THROWING).get(1).matches(".*: \\d+ more callback failures were not "
                    + "logged; the latest: .*"), logged(monitorLines, TestBundles.THROWING).toString());
            blocking.uninstall();
            Files.delete(client.home().resolve("plugins").resolve(unresolvableJar.getFileName()));
            ClientRuntime.await("FileInstall to uninstall the unresolvable bundle",
                    () -> client.bundle(TestBundles.UNRESOLVABLE) == null);
            assertNull(client.findService("org.switchboard.api.command.CommandHandler", "(command.name=boom)"));

            peer.send(":peer!p@h PRIVMSG #lobby :third after cleanup");
            client.awaitLine(network, "#lobby", "third after cleanup"::equals, "a message after the cleanup");
            client.input(network, "#lobby", "/join #third");
            peer.awaitLine(line -> line.startsWith("JOIN #third"), LONG);
            pingAnswered(peer, "iso-3");

            assertEquals(statesBefore, states(client), "no other bundle changed state");
            assertEquals(List.of(), RuntimeWiringIT.unsatisfiedComponents(client));
            assertEquals(readers, ClientRuntime.threadsNamed("switchboard-reader"), "the same link throughout");
            assertEquals(1, server.connectionCount(), "the client never reconnected");
            assertEquals("CONNECTED",
                    String.valueOf(client.call(client.connection(network), ClientRuntime.CONNECTION, "state")));
        } finally {
            monitorLog.removeHandler(recorder);
        }
    }

    private static List<String> logged(List<String> messages, String bundle) {
        return messages.stream().filter(m -> m.startsWith(bundle + " ")).toList();
    }

    private static void pingAnswered(ScriptedIrcServer.Peer peer, String token) {
        peer.send("PING :" + token);
        peer.awaitLine(line -> line.startsWith("PONG") && line.endsWith(token), LONG);
    }

    private static boolean hasBuffer(ClientRuntime client, String network, String name) {
        Object session = client.findService(ClientRuntime.SESSION, null);
        return session != null
                && ((java.util.Optional<?>) client.call(session, ClientRuntime.SESSION, "find", network, name)).isPresent();
    }

    private static Map<String, Integer> states(ClientRuntime client) {
        Map<String, Integer> states = new TreeMap<>();
        for (Bundle bundle : client.context().getBundles()) {
            states.put(bundle.getSymbolicName(), bundle.getState());
        }
        return states;
    }

    /** Messages (with their exceptions) in the OSGi log that mention {@code text}. */
    private static List<String> logMentioning(ClientRuntime client, String text) throws Exception {
        Object reader = client.service("org.osgi.service.log.LogReaderService", null);
        Method getLog = reader.getClass().getMethod("getLog");
        getLog.setAccessible(true);
        List<String> found = new ArrayList<>();
        for (Object entry : Collections.list((Enumeration<?>) getLog.invoke(reader))) {
            Method message = entry.getClass().getMethod("getMessage");
            Method exception = entry.getClass().getMethod("getException");
            message.setAccessible(true);
            exception.setAccessible(true);
            String line = message.invoke(entry) + " " + exception.invoke(entry);
            if (line.contains(text)) {
                found.add(line);
            }
        }
        return found;
    }
}
