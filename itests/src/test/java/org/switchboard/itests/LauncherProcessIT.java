package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testsupport.ScriptedIrcServer;

/** The packaged bin/switchboard script and launcher, run as a user runs them: as a separate process. */
class LauncherProcessIT {

    private static final Path SCRIPT = ClientRuntime.DIST.resolve("bin/switchboard").toAbsolutePath();

    @TempDir
    Path work;

    record Result(int exitCode, String out, String err) {
    }

    private Result run(Path directory, Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit");
        return new Result(process.exitValue(), Files.readString(work.resolve("out.txt")),
                Files.readString(work.resolve("err.txt")));
    }

    @Test
    void versionWorksFromAnotherFolderAndThroughASymlink() throws Exception {
        Path link = work.resolve("links/sb");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, SCRIPT);
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Result result = run(elsewhere, link, "--version");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Switchboard 0.1.0"), result.out());
    }

    @Test
    void unknownOptionGivesOneLineAndUsageWithExitCode2() throws Exception {
        Result result = run(work, SCRIPT, "--no-such-option");
        assertEquals(2, result.exitCode());
        String[] lines = result.err().split("\\R");
        assertEquals("switchboard: unknown option: --no-such-option", lines[0]);
        assertTrue(lines[1].startsWith("Usage: switchboard"), result.err());
    }

    @Test
    void malformedUrlGivesOneLineAndUsageWithExitCode2() throws Exception {
        Result result = run(work, SCRIPT, "irc://host:99999/#x");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("switchboard: malformed URL: irc://host:99999/#x"), result.err());
    }

    @Test
    void sigtermSendsQuitStopsTheFrameworkAndExitsWithZero() throws Exception {
        connectJoinAndStopWithSigterm(Map.of(), "--headless");
    }

    /**
     * Without --headless, with a display that cannot be reached: the toolkit's start fails once and for all in
     * that process, so the launcher ends with one line saying so and how to run without a window, before any
     * network is connected (an invisible client would hold the nick with nothing on screen).
     */
    @Test
    void anUnreachableDisplayEndsTheLauncherWithOneClearLineBeforeConnecting() throws Exception {
        assertNoWindowEndsBeforeConnecting(environment -> environment.put("DISPLAY", "127.0.0.1:97"),
                "cannot open the window: Can't connect to X11 window server using '127.0.0.1:97'");
    }

    @Test
    void noDisplayAtAllEndsTheLauncherWithOneClearLineBeforeConnecting() throws Exception {
        assertNoWindowEndsBeforeConnecting(environment -> environment.remove("DISPLAY"),
                "cannot open the window: there is no display (DISPLAY is not set).");
    }

    private void assertNoWindowEndsBeforeConnecting(java.util.function.Consumer<Map<String, String>> display,
            String expected) throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "--profile",
                    work.resolve("profile").toString(), "--nick", "nowindow",
                    "irc://127.0.0.1:" + server.port() + "/#none").directory(work.toFile());
            display.accept(builder.environment());
            builder.redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
            Process process = builder.start();
            try {
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit: " + stderr());
                String err = stderr();
                assertEquals(1, process.exitValue(), err);
                assertTrue(err.contains("switchboard: " + expected), err);
                assertTrue(err.contains("Start with --headless to run without a window"), err);
                assertFalse(err.contains("Exception"), err);
                assertEquals(0, server.connectionCount(), "no network may be connected without a window");
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** A client on the profile under test, joining #one, with its output in first-out.txt and first-err.txt. */
    private Process startFirstClient(ScriptedIrcServer server, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(options));
        command.addAll(List.of("--profile", work.resolve("profile").toString(), "--nick", "firstone",
                "irc://127.0.0.1:" + server.port() + "/#one"));
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("first-out.txt").toFile())
                .redirectError(work.resolve("first-err.txt").toFile()).start();
    }

    private static ScriptedIrcServer.Peer welcomeFirstClient(ScriptedIrcServer server) {
        ScriptedIrcServer.Peer peer = server.awaitPeer(java.time.Duration.ofSeconds(30));
        peer.awaitLine(line -> line.startsWith("USER "), java.time.Duration.ofSeconds(30));
        peer.welcome("firstone");
        return peer;
    }

    /**
     * A second client on a profile that a running one holds (a second click on the desktop icon, say) ends with one
     * line naming the other process, before it connects anywhere; the first goes on undisturbed.
     */
    @Test
    void aSecondClientOnTheSameProfileEndsWithOneClearLineAndTheFirstGoesOn() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            Process first = startFirstClient(server, "--headless");
            try {
                ScriptedIrcServer.Peer peer = welcomeFirstClient(server);

                Result second = run(work, SCRIPT, "--headless", "--profile", work.resolve("profile").toString(),
                        "--nick", "secondone", "irc://127.0.0.1:" + server.port() + "/#two");
                assertEquals(1, second.exitCode(), second.err());
                assertTrue(second.err().matches("(?s)switchboard: the profile \\S+ is in use by another Switchboard "
                        + "\\(process \\d+\\)\\. Close that one first, or start this one with its own profile: "
                        + "--profile DIR\\.\\R"), second.err());
                assertEquals(1, server.connectionCount(), "the second client connected nowhere");
                assertTrue(first.isAlive(), "the first client goes on");
                peer.send("PING :still-there");
                try {
                    peer.awaitLine(line -> line.startsWith("PONG ") && line.endsWith("still-there"),
                            java.time.Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; first client's stderr:\n"
                            + Files.readString(work.resolve("first-err.txt")), e);
                }
            } finally {
                first.destroy();
                assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first client did not stop");
            }
        }
    }

    /**
     * With a window, a second start on the profile in use (a second click on the icon) asks the running client to
     * bring its window to the front and ends with 0 and one line, before it shows or connects anything; the first
     * goes on.
     */
    @Test
    void aSecondStartWithAWindowHandsOverToTheRunningClient() throws Exception {
        assertTrue(System.getenv("DISPLAY") != null, "run the integration tests under a display (xvfb-run)");
        try (ScriptedIrcServer server = ScriptedIrcServer.start(); ScriptedIrcServer other = ScriptedIrcServer.start()) {
            Process first = startFirstClient(server);
            try {
                ScriptedIrcServer.Peer peer = welcomeFirstClient(server);
                peer.awaitLine("JOIN #one");
                // the door opens once the window is up (until then a second start is told the profile is in use)
                Path door = work.resolve("profile/config/switchboard.sock");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(door) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                // links clicked in a browser: one on the server the client is on, one on another
                String sameServer = "irc://127.0.0.1:" + server.port() + "/#two";
                String otherServer = "irc://127.0.0.1:" + other.port() + "/#three";
                Result second = run(work, SCRIPT, "--profile", work.resolve("profile").toString(), "--nick",
                        "secondone", sameServer, otherServer);
                assertEquals(0, second.exitCode(), second.err());
                assertTrue(second.out().matches("switchboard: already running on this profile \\(process \\d+\\); it "
                        + "opens \\S+ \\S+, and its window was brought to the front\\.\\R"), second.out() + second.err());
                peer.awaitLine("JOIN #two");
                assertEquals(1, server.connectionCount(), "the network already there joined, on its link");
                ScriptedIrcServer.Peer newNetwork = other.awaitPeer(java.time.Duration.ofSeconds(30));
                newNetwork.awaitLine(line -> line.equals("NICK firstone"), java.time.Duration.ofSeconds(30));
                newNetwork.awaitLine(line -> line.startsWith("USER "), java.time.Duration.ofSeconds(30));
                newNetwork.welcome("firstone");
                newNetwork.awaitLine("JOIN #three");
                assertTrue(first.isAlive(), "the first client goes on");
                peer.send("PING :still-there");
                peer.awaitLine(line -> line.startsWith("PONG ") && line.endsWith("still-there"),
                        java.time.Duration.ofSeconds(10));
            } finally {
                first.destroy();
                assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first client did not stop");
            }
            assertFalse(Files.exists(work.resolve("profile/config/switchboard.sock")), "the door went with it");
        }
    }

    /**
     * A fresh process against a server that checks a PING cookie the moment USER arrives (as a server on the same
     * machine does within milliseconds): the connections start after every shipped listener, the keepalive's PING
     * responder included. Before they did, the cookie was lost in most cold starts and registration stalled.
     */
    @Test
    void aColdStartAnswersAPingCookieSentTheMomentRegistrationBegins() throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            Process process = new ProcessBuilder(SCRIPT.toString(), "--headless", "--profile",
                    work.resolve("profile").toString(), "--nick", "cookie", "irc://127.0.0.1:" + server.port() + "/#c")
                    .directory(work.toFile()).redirectOutput(work.resolve("out.txt").toFile())
                    .redirectError(work.resolve("err.txt").toFile()).start();
            try {
                ScriptedIrcServer.Peer peer = server.awaitPeer(java.time.Duration.ofSeconds(30));
                peer.awaitLine(line -> line.startsWith("USER "), java.time.Duration.ofSeconds(30));
                peer.send("PING :cookie-4711");
                try {
                    peer.awaitLine(line -> line.startsWith("PONG ") && line.endsWith("cookie-4711"),
                            java.time.Duration.ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; client stderr:\n" + stderr(), e);
                }
                peer.welcome("cookie");
                peer.awaitLine(line -> line.startsWith("JOIN #c"), java.time.Duration.ofSeconds(30));
            } finally {
                process.destroy();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no exit after SIGTERM");
            }
        }
    }

    /** Starts the script against a scripted server, waits for the JOIN, sends SIGTERM: QUIT and exit code 0. */
    private void connectJoinAndStopWithSigterm(Map<String, String> environment, String... options) throws Exception {
        try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
            List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
            command.addAll(List.of(options));
            command.addAll(List.of("--profile", work.resolve("profile").toString(), "--nick", "termtest",
                    "irc://127.0.0.1:" + server.port() + "/#term"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().putAll(environment);
            builder.redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
            Process process = builder.start();
            try {
                ScriptedIrcServer.Peer peer = server.awaitPeer(java.time.Duration.ofSeconds(30));
                peer.awaitLine(line -> line.startsWith("USER "), java.time.Duration.ofSeconds(30));
                peer.welcome("termtest");
                peer.awaitLine(line -> line.startsWith("JOIN #term"), java.time.Duration.ofSeconds(30));
                process.destroy(); // SIGTERM
                try {
                    peer.awaitLine(line -> line.startsWith("QUIT"), java.time.Duration.ofSeconds(30));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; client stderr:\n" + stderr(), e);
                }
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "no exit after SIGTERM");
                assertEquals(0, process.exitValue(), stderr());
            } finally {
                process.destroyForcibly();
            }
        }
    }

    private String stderr() throws IOException {
        return Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8);
    }
}
