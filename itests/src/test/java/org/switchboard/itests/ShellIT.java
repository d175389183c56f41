package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.switchboard.testsupport.NgircdServer;
import org.switchboard.testsupport.TestIrcClient;

/**
 * The {@code irc:} Gogo commands in the running client, through Gogo's own CommandProcessor as the console and
 * scripts use it, against a real ngircd: listing networks, joining, talking, tailing a buffer, and /join vanishing
 * from the shell with the bundle that provides it.
 */
class ShellIT {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION = "org.apache.felix.service.command.CommandSession";

    @TempDir
    Path work;

    @Test
    void ircCommandsDriveTheClientAndFollowTheCommandRegistry() throws Exception {
        try (NgircdServer server = NgircdServer.startDefault();
                TestIrcClient peer = TestIrcClient.connect(server.host(), server.port(), "peer")) {
            peer.join("#java").join("#kotlin");
            try (ClientRuntime client = ClientRuntime.start(work, List.of(), "--headless", "--nick", "shelly",
                    "irc://127.0.0.1:" + server.port())) {
                String network = client.awaitConnected();
                Gogo shell = new Gogo(client);

                String networks = shell.run("irc:networks");
                assertTrue(networks.lines().anyMatch(l -> l.contains(network) && l.contains("CONNECTED")
                        && l.contains("shelly")), networks);

                shell.run("irc:join java");
                peer.awaitJoin("shelly", "#java");
                ClientRuntime.await("the #java buffer to be joined", () -> !linesOf(client, network).isEmpty());

                shell.run("irc:say '#java' hello");
                peer.awaitPrivmsg("shelly", "#java", "hello");
                // The own line is added after the socket write; on loopback the peer could answer before that.
                client.awaitLine(network, "#java", "hello"::equals, "the own message");
                peer.privmsg("#java", "hi shelly");
                client.awaitLine(network, "#java", "hi shelly"::equals, "the peer's answer");

                String tail = shell.run("irc:tail '#java' 5");
                List<String> tailLines = tail.lines().toList();
                assertTrue(tailLines.size() <= 5 && !tailLines.isEmpty(), tail);
                assertTrue(tailLines.stream().anyMatch(l -> l.matches("\\d\\d:\\d\\d <shelly> hello")), tail);
                assertTrue(tailLines.get(tailLines.size() - 1).matches("\\d\\d:\\d\\d <peer> hi shelly"), tail);

                Bundle join = client.bundle("org.switchboard.feature.join");
                join.stop();
                String refused = shell.runFailing("irc:join kotlin");
                assertTrue(refused.contains("No bundle provides /join"), refused);
                assertFalse(peer.received().stream().anyMatch(l -> l.startsWith(":shelly!") && l.contains(" JOIN ")
                        && l.contains("#kotlin")), "nothing was sent while /join was missing");

                join.start();
                ClientRuntime.await("/join to be back", () -> hasJoin(client));
                shell.run("irc:join kotlin");
                peer.awaitJoin("shelly", "#kotlin");
            }
        }
    }

    private static boolean hasJoin(ClientRuntime client) {
        try {
            return client.hasCommand("join");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> linesOf(ClientRuntime client, String network) {
        try {
            return client.lines(network, "#java");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** A Gogo command session, driven reflectively through the gogo runtime bundle's own interfaces. */
    private static final class Gogo {
        private final Object session;
        private final Method execute;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Gogo(ClientRuntime client) throws Exception {
            Bundle runtime = client.bundle("org.apache.felix.gogo.runtime");
            Class<?> processorType = runtime.loadClass(PROCESSOR);
            Object processor = client.service(PROCESSOR, null);
            session = processorType.getMethod("createSession", InputStream.class, OutputStream.class,
                    OutputStream.class).invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
            execute = runtime.loadClass(SESSION).getMethod("execute", CharSequence.class);
        }

        /** Runs a command line that must succeed; returns its result and what it printed. */
        String run(String line) throws Exception {
            try {
                Object result = execute.invoke(session, line);
                return (result == null ? "" : result.toString()) + printed();
            } catch (InvocationTargetException e) {
                throw new AssertionError(line + " failed: " + e.getCause() + printed(), e.getCause());
            }
        }

        /** Runs a command line that must fail; returns the failure's message. */
        String runFailing(String line) throws Exception {
            try {
                Object result = execute.invoke(session, line);
                return org.junit.jupiter.api.Assertions.fail(line + " should have failed but returned " + result);
            } catch (InvocationTargetException e) {
                return String.valueOf(e.getCause().getMessage());
            }
        }

        private String printed() {
            String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            out.reset();
            return text;
        }
    }
}
