package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testsupport.Fixtures;
import org.switchboard.testsupport.ScriptedIrcServer;

/** Reading, writing, dropping and coming back, against scripted servers. */
class LinkLifecycleTest {

    private final ScriptedIrcServer server = ScriptedIrcServer.start();
    private final Harness harness = new Harness();

    @AfterEach
    void tearDown() {
        server.close();
        harness.close();
    }

    private ScriptedIrcServer.Peer connected(NetworkSettings settings) {
        harness.start(settings);
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        RegistrationTest.register(peer, "alice");
        harness.awaitState(ConnectionState.CONNECTED);
        return peer;
    }

    @Test
    void errorThenCloseLeadsToReconnectWithTheServerReasonInTheDetail() {
        ScriptedIrcServer.Peer first = connected(Harness.settings(server.port()).build());
        first.send("ERROR :Closing Link: 127.0.0.1 (Killed by an operator)");
        first.close();
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().startsWith("Server closed the link: Closing Link: 127.0.0.1 (Killed by an operator)"),
                waiting.detail());
        assertTrue(waiting.detail().matches(".*; retrying in \\d+ s"), waiting.detail());
        ScriptedIrcServer.Peer second = server.awaitPeer();
        RegistrationTest.register(second, "alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void refusedConnectionSaysSoAndRetries() {
        int port = Fixtures.freePort();
        harness.start(Harness.settings(port).build());
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().startsWith("Connection refused by 127.0.0.1:" + port + "; retrying in "),
                waiting.detail());
        harness.awaitState(ConnectionState.CONNECTING);
        harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
    }

    @Test
    void unknownHostIsNamed() {
        harness.start(NetworkSettings.builder("testnet", "alice").server("no-such-host.invalid", 6667, false)
                .reconnect(50, 100).build());
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().startsWith("Cannot resolve host name no-such-host.invalid"), waiting.detail());
    }

    @Test
    void serversAreTriedInTurn() {
        int dead = Fixtures.freePort();
        harness.start(NetworkSettings.builder("testnet", "alice").server("127.0.0.1", dead, false)
                .server("127.0.0.1", server.port(), false).reconnect(50, 100).build());
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().endsWith("with 127.0.0.1:" + server.port()), waiting.detail());
        RegistrationTest.register(server.awaitPeer(), "alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void linesSplitAcrossReadsEvenInsideUtf8AreReassembled() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        byte[] bytes = ":bob!b@h PRIVMSG #x :gr\u00fc\u00df dich \u263a\r\n:bob!b@h PRIVMSG #x :second\n"
                .getBytes(StandardCharsets.UTF_8);
        int insideSharpS = ":bob!b@h PRIVMSG #x :gr\u00fc".getBytes(StandardCharsets.UTF_8).length + 1;
        peer.sendSplit(bytes, 3, insideSharpS, insideSharpS + 9);
        IrcMessage first = harness.awaitReceived(m -> m.is("PRIVMSG") && m.lastParam().startsWith("gr"));
        assertEquals("gr\u00fc\u00df dich \u263a", first.lastParam());
        harness.awaitReceived(m -> m.is("PRIVMSG") && "second".equals(m.lastParam()));
    }

    @Test
    void latin1LinesFallBackToTheConfiguredEncoding() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        peer.sendRaw(":bob!b@h PRIVMSG #x :caf\u00e9 \u20ac\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        IrcMessage message = harness.awaitReceived(m -> m.is("PRIVMSG"));
        assertEquals("caf\u00e9 \u20ac", message.lastParam());
    }

    @Test
    void malformedLineIsSkippedAndReadingGoesOn() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        peer.sendAll(":only.a.source", "@tag=1", ":bob!b@h PRIVMSG #x :after the junk");
        harness.awaitReceived(m -> m.is("PRIVMSG") && "after the junk".equals(m.lastParam()));
        assertTrue(harness.notices.stream().anyMatch(n -> n.startsWith("Skipped a malformed line")), harness.notices.toString());
        assertEquals(ConnectionState.CONNECTED, harness.connection.state());
    }

    @Test
    void aFailingDispatchDoesNotStopTheReader() {
        Harness throwing = new Harness() {
            @Override
            public void message(IrcMessage message) {
                super.message(message);
                if (message.is("PRIVMSG") && "boom".equals(message.lastParam())) {
                    throw new IllegalStateException("consumer bug");
                }
            }
        };
        try (throwing) {
            throwing.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            RegistrationTest.register(peer, "alice");
            throwing.awaitState(ConnectionState.CONNECTED);
            peer.sendAll(":bob!b@h PRIVMSG #x :boom", ":bob!b@h PRIVMSG #x :after");
            throwing.awaitReceived(m -> m.is("PRIVMSG") && "after".equals(m.lastParam()));
            assertEquals(ConnectionState.CONNECTED, throwing.connection.state());
        }
    }

    @Test
    void anErrorInDispatchDoesNotStopTheReaderEither() {
        List<Error> errors = List.of(new StackOverflowError("deep"), new NoClassDefFoundError("org/example/Gone"),
                new AssertionError("plugin assert"), new java.util.ServiceConfigurationError("no provider"));
        Harness throwing = new Harness() {
            @Override
            public void message(IrcMessage message) {
                super.message(message);
                if (message.is("PRIVMSG") && message.lastParam().startsWith("boom ")) {
                    throw errors.get(Integer.parseInt(message.lastParam().substring(5)));
                }
            }
        };
        try (throwing) {
            throwing.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            RegistrationTest.register(peer, "alice");
            throwing.awaitState(ConnectionState.CONNECTED);
            for (int i = 0; i < errors.size(); i++) {
                peer.send(":bob!b@h PRIVMSG #x :boom " + i);
            }
            peer.send(":bob!b@h PRIVMSG #x :after");
            throwing.awaitReceived(m -> m.is("PRIVMSG") && "after".equals(m.lastParam()));
            assertEquals(ConnectionState.CONNECTED, throwing.connection.state());
            // the writer lives too
            throwing.connection.send(IrcMessage.of("PRIVMSG", "#x", "still here"));
            peer.awaitLine("PRIVMSG #x :still here");
            assertEquals(1, server.connectionCount());
        }
    }

    @Test
    void whateverEndsTheLifeCycleItReportsDisconnectedAndCanBeConnectedAgain() {
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Harness failing = new Harness() {
            @Override
            public synchronized void stateChanged(ConnectionState previous, ConnectionState current, String detail) {
                super.stateChanged(previous, current, detail);
                // thrown where the life cycle itself calls out, outside any one link
                if (current == ConnectionState.WAITING_TO_RECONNECT && failed.compareAndSet(false, true)) {
                    throw new AssertionError("listener bug while waiting to reconnect");
                }
            }
        };
        try (failing) {
            failing.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer first = server.awaitPeer();
            RegistrationTest.register(first, "alice");
            failing.awaitState(ConnectionState.CONNECTED);
            first.reset();
            failing.awaitState(ConnectionState.WAITING_TO_RECONNECT);
            Harness.StateChange down = failing.awaitState(ConnectionState.DISCONNECTED);
            assertTrue(down.detail().contains("internal error"), down.detail());
            assertTrue(down.detail().contains("listener bug while waiting to reconnect"), down.detail());
            assertEquals(ConnectionState.DISCONNECTED, failing.connection.state());

            failing.connection.connect();
            RegistrationTest.register(server.awaitPeer(), "alice");
            failing.awaitState(ConnectionState.CONNECTED);
        }
    }

    @Test
    void anOutOfMemoryErrorOnTheReaderStillEndsInDisconnected() {
        Harness failing = new Harness() {
            @Override
            public void message(IrcMessage message) {
                super.message(message);
                if (message.is("PRIVMSG") && "oom".equals(message.lastParam())) {
                    throw new OutOfMemoryError("test: pretend the heap is gone");
                }
            }
        };
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        // the error goes on up and ends the thread, as it must; kept out of the test output
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        try (failing) {
            failing.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            RegistrationTest.register(peer, "alice");
            failing.awaitState(ConnectionState.CONNECTED);
            peer.send(":bob!b@h PRIVMSG #x :oom");
            Harness.StateChange down = failing.awaitState(ConnectionState.DISCONNECTED);
            assertTrue(down.detail().contains("OutOfMemoryError"), down.detail());
            peer.awaitClosed();
            Harness.await("the error reached the thread's end", () -> !uncaught.isEmpty());
            assertTrue(uncaught.get(0) instanceof OutOfMemoryError, uncaught.toString());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    @Test
    void aFailingWriterDropsTheLinkSoThatAFreshOneSendsWhatItTook() {
        // serialize fails once, on the writer thread, for one line: as a class gone after a bundle update would
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        org.switchboard.api.irc.IrcProtocol failingOnce = (org.switchboard.api.irc.IrcProtocol)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.switchboard.api.irc.IrcProtocol.class}, (proxy, method, args) -> {
                            if (method.getName().equals("serialize")
                                    && Thread.currentThread().getName().startsWith("switchboard-writer")
                                    && "taken".equals(((IrcMessage) args[0]).lastParam())
                                    && failed.compareAndSet(false, true)) {
                                throw new NoClassDefFoundError("org/example/Unloaded");
                            }
                            try {
                                return method.invoke(Harness.PROTOCOL, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        harness.connection = new NetworkConnection(Harness.settings(server.port()).build(), failingOnce, harness);
        harness.connection.connect();
        ScriptedIrcServer.Peer first = server.awaitPeer();
        RegistrationTest.register(first, "alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "taken")));
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().startsWith("Internal error while writing to 127.0.0.1:" + server.port()),
                waiting.detail());
        assertTrue(waiting.detail().contains("NoClassDefFoundError"), waiting.detail());
        first.awaitClosed();
        ScriptedIrcServer.Peer second = server.awaitPeer();
        RegistrationTest.register(second, "alice");
        second.awaitLine("PRIVMSG #x taken");
        assertFalse(first.received().stream().anyMatch(line -> line.contains("taken")), first.received().toString());
    }

    @Test
    void aFailureAfterTheWriteDropsTheLinkWithoutSendingTheLineTwice() {
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Harness failing = new Harness() {
            @Override
            public void messageSent(IrcMessage message) {
                super.messageSent(message);
                if ("once".equals(message.lastParam()) && failed.compareAndSet(false, true)) {
                    throw new StackOverflowError("deep in a listener");
                }
            }
        };
        try (failing) {
            failing.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer first = server.awaitPeer();
            RegistrationTest.register(first, "alice");
            failing.awaitState(ConnectionState.CONNECTED);
            failing.connection.send(IrcMessage.of("PRIVMSG", "#x", "once"));
            first.awaitLine("PRIVMSG #x once");
            Harness.StateChange waiting = failing.awaitState(ConnectionState.WAITING_TO_RECONNECT);
            assertTrue(waiting.detail().contains("StackOverflowError"), waiting.detail());
            ScriptedIrcServer.Peer second = server.awaitPeer();
            RegistrationTest.register(second, "alice");
            failing.awaitState(ConnectionState.CONNECTED);
            failing.connection.send(IrcMessage.of("PRIVMSG", "#x", "next"));
            second.awaitLine("PRIVMSG #x next");
            assertFalse(second.received().stream().anyMatch(line -> line.contains("once")),
                    second.received().toString());
        }
    }

    @Test
    void aMessageWithNoRoomForTextIsRefusedAndTheUserToldWhy() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        peer.awaitLine("CAP LS 302");
        peer.send(":srv CAP * LS :");
        peer.awaitLine("CAP END");
        peer.welcome("alice", "LINELEN=20");
        harness.awaitReceived(m -> m.is("376"));
        assertEquals(20, harness.connection.isupport().linelen());
        assertFalse(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "a line too long for twenty bytes")));
        assertTrue(harness.notices.stream().anyMatch(n -> n.startsWith("Not sent: ")
                && n.contains("line limit of 20 bytes")), harness.notices.toString());
        // the connection goes on
        harness.connection.send(IrcMessage.of("JOIN", "#x"));
        peer.awaitLine("JOIN #x");
    }

    @Test
    void rejoinsChannelsWithTheirKeysAfterReconnect() {
        ScriptedIrcServer.Peer first = connected(Harness.settings(server.port())
                .autojoin(List.of("#auto", "#locked k3y")).build());
        first.awaitLine("JOIN #auto");
        first.awaitLine("JOIN #locked k3y");
        first.sendAll(":alice!al@host JOIN #auto", ":alice!al@host JOIN :#locked");
        harness.connection.send(IrcMessage.of("JOIN", "#typed,#other", "typedkey"));
        first.awaitLine("JOIN #typed,#other typedkey");
        first.sendAll(":alice!al@host JOIN #typed", ":alice!al@host JOIN #other", ":alice!al@host JOIN #gone",
                ":alice!al@host PART #gone :bye", ":alice!al@host JOIN #kicked",
                ":op!o@h KICK #kicked alice :out", ":bob!b@h PRIVMSG alice :marker");
        harness.awaitReceived(m -> m.is("PRIVMSG") && "marker".equals(m.lastParam()));
        assertEquals(List.of("#auto", "#locked", "#typed", "#other"), harness.connection.channels());
        assertEquals("alice!al@host", harness.connection.ownSource());

        first.reset();
        harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        ScriptedIrcServer.Peer second = server.awaitPeer();
        RegistrationTest.register(second, "alice");
        second.awaitLine("JOIN #auto");
        second.awaitLine("JOIN #locked k3y");
        second.awaitLine("JOIN #typed typedkey");
        second.awaitLine("JOIN #other");
        assertFalse(second.received().stream().anyMatch(l -> l.contains("#gone") || l.contains("#kicked")));
    }

    @Test
    void manualDisconnectSendsQuitAndStaysDown() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        harness.connection.disconnect("see you");
        assertEquals("QUIT :see you", peer.awaitLineStartingWith("QUIT"));
        peer.close();
        Harness.StateChange down = harness.awaitState(ConnectionState.DISCONNECTED);
        assertEquals("Disconnected (see you)", down.detail());
        assertFalse(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "typed while down")));
        // several reconnect delays (50 ms) later still nobody came back
        Harness.sleep(500);
        assertEquals(1, server.connectionCount());
        assertEquals(ConnectionState.DISCONNECTED, harness.connection.state());

        harness.connection.connect();
        RegistrationTest.register(server.awaitPeer(), "alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void quitSentThroughSendAlsoMeansStayDown() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        assertTrue(harness.connection.send(IrcMessage.of("QUIT", "typed /quit")));
        peer.awaitLine("QUIT :typed /quit");
        peer.close();
        harness.awaitState(ConnectionState.DISCONNECTED);
        assertFalse(harness.states.stream().anyMatch(s -> s.current() == ConnectionState.WAITING_TO_RECONNECT));
    }

    @Test
    void messagesSentWhileRegisteringOrReconnectingWaitForRegistration() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer first = server.awaitPeer();
        first.awaitLineStartingWith("USER");
        assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "early")));
        first.send(":srv CAP * LS :");
        first.awaitLine("CAP END");
        assertFalse(first.received().stream().anyMatch(l -> l.contains("early")));
        first.welcome("alice");
        first.awaitLineStartingWith("PRIVMSG #x");

        first.reset();
        harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "while away")));
        ScriptedIrcServer.Peer second = server.awaitPeer();
        second.awaitLine("CAP LS 302");
        second.send(":srv CAP * LS :");
        second.awaitLine("CAP END");
        second.welcome("alice");
        assertEquals("PRIVMSG #x :while away", second.awaitLineStartingWith("PRIVMSG").replace("#x while", "#x :while"));
    }

    @Test
    void sendQueueIsBoundedAndRefusesWhenFull() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).sendQueueCapacity(3).build());
        peer.reset();
        harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        server.stopListening();
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            if (harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "line " + i))) {
                accepted++;
            }
        }
        assertEquals(3, accepted);
    }

    @Test
    void floodControlPacesButDeliversEverythingInOrder() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).flood(3, 20).build());
        for (int i = 0; i < 25; i++) {
            assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", "paste line " + i)));
        }
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            got.add(peer.awaitLineStartingWith("PRIVMSG"));
        }
        for (int i = 0; i < 25; i++) {
            assertEquals("PRIVMSG #x :paste line " + i, got.get(i));
        }
        Harness.await("all reported sent", () -> harness.sent.stream().filter(m -> m.is("PRIVMSG")).count() == 25);
    }

    @Test
    void longMessagesAreSplitToFitTheLine() {
        ScriptedIrcServer.Peer peer = connected(Harness.settings(server.port()).build());
        String text = "word ".repeat(200).trim();
        assertTrue(harness.connection.send(IrcMessage.of("PRIVMSG", "#x", text)));
        StringBuilder joined = new StringBuilder();
        while (joined.length() < text.length()) {
            String line = peer.awaitLineStartingWith("PRIVMSG #x :");
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length < 512, line);
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(line.substring("PRIVMSG #x :".length()).trim());
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void capabilitiesComeAndGoMidSession() {
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        RegistrationTest.negotiate(peer, "cap-notify away-notify");
        peer.awaitLine("CAP END");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertEquals(java.util.Set.of("cap-notify"), harness.connection.enabledCapabilities());

        harness.capabilities.add("away-notify");
        harness.capabilities.add("account-notify");
        harness.connection.capabilitiesChanged();
        assertEquals("CAP REQ away-notify", peer.awaitLineStartingWith("CAP REQ").replace(":", ""));
        peer.send(":srv CAP alice ACK :away-notify");
        Harness.await("away-notify enabled", () -> harness.connection.enabledCapabilities().contains("away-notify"));

        peer.send(":srv CAP alice NEW :account-notify server-time");
        String req = peer.awaitLineStartingWith("CAP REQ");
        assertEquals(java.util.Set.of("account-notify", "server-time"),
                java.util.Set.of(req.substring("CAP REQ :".length()).split(" ")));
        peer.send(":srv CAP alice ACK :" + req.substring("CAP REQ :".length()));
        Harness.await("account-notify enabled",
                () -> harness.connection.enabledCapabilities().contains("account-notify"));

        peer.send(":srv CAP alice DEL :account-notify");
        Harness.await("account-notify gone", () -> !harness.connection.enabledCapabilities().contains("account-notify"));

        harness.capabilities.remove("away-notify");
        harness.connection.capabilitiesChanged();
        assertEquals("CAP REQ -away-notify", peer.awaitLineStartingWith("CAP REQ").replace(":", ""));
    }

    @Test
    void aCapabilityChangeBetweenCapEndAndWelcomeWaitsForRegistration() {
        harness.capabilities.add("away-notify");
        harness.start(Harness.settings(server.port()).build());
        ScriptedIrcServer.Peer peer = server.awaitPeer();
        assertEquals(java.util.Set.of("cap-notify", "away-notify"), RegistrationTest.negotiate(peer,
                "cap-notify away-notify"));
        peer.awaitLine("CAP END");
        // a bundle wanting away-notify stops now: a CAP REQ here would hold registration until another CAP END
        harness.capabilities.remove("away-notify");
        harness.connection.capabilitiesChanged();
        // the PONG goes out behind anything queued before it: once it is here, an early REQ would be too
        peer.send("PING :sync");
        String pong = peer.awaitLineStartingWith("PONG");
        List<String> beforeWelcome = peer.received();
        assertEquals(1, beforeWelcome.stream().filter(line -> line.startsWith("CAP REQ")).count(),
                "no CAP REQ before 001: " + beforeWelcome + " (up to " + pong + ")");
        peer.welcome("alice");
        harness.awaitState(ConnectionState.CONNECTED);
        assertEquals("CAP REQ -away-notify", peer.awaitLineStartingWith("CAP REQ").replace(":", ""));
    }

    @Test
    void deadLinkCanBeRecycled() {
        ScriptedIrcServer.Peer first = connected(Harness.settings(server.port()).build());
        harness.connection.reconnect("No data from the server for 180 s");
        Harness.StateChange waiting = harness.awaitState(ConnectionState.WAITING_TO_RECONNECT);
        assertTrue(waiting.detail().startsWith("No data from the server for 180 s; retrying in"), waiting.detail());
        first.awaitClosed();
        RegistrationTest.register(server.awaitPeer(), "alice");
        harness.awaitState(ConnectionState.CONNECTED);
    }

    @Test
    void readerStopsReadingWhileDispatchIsBehind() throws Exception {
        // A listener that cannot keep up: the reader must stop reading (TCP pushes back on the server)
        // rather than buffer the flood in memory.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        Harness slow = new Harness() {
            @Override
            public void message(IrcMessage message) {
                if (!message.is("PRIVMSG")) {
                    super.message(message);
                } else if (seen.incrementAndGet() == 1) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try {
            slow.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            RegistrationTest.register(peer, "alice");
            slow.awaitState(ConnectionState.CONNECTED);
            byte[] chunk = ":bob!b@h PRIVMSG #x :flood flood flood flood flood flood flood flood\r\n".repeat(1000)
                    .getBytes(StandardCharsets.UTF_8);
            Thread flooder = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        peer.sendRaw(chunk);
                    }
                } catch (RuntimeException e) {
                    // the link was closed by tearDown
                }
            });
            flooder.setDaemon(true);
            flooder.start();
            // 200 chunks are 14 MB: far beyond socket buffers. While dispatch is blocked the flooder must stall.
            Harness.sleep(300);
            assertTrue(flooder.isAlive(), "the server could write everything although nobody was reading");
            assertEquals(1, seen.get());
            release.countDown();
            flooder.join(30_000);
            Harness.await("all flood lines dispatched", () -> seen.get() == 200_000);
        } finally {
            release.countDown();
            slow.close();
        }
    }
}
