package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.testsupport.ScriptedIrcServer;

/**
 * A server floods a million lines (about 75 MB) while the client runs with a 128 MB heap (a separate surefire
 * execution sets -Xmx128m): every line is dispatched and the heap never has to hold the flood.
 */
class MillionLineFloodTest {

    private static final int LINES = 1_000_000;
    private static final int LINES_PER_WRITE = 10_000;

    @Test
    void millionLineFloodFitsInASmallHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 140L * 1024 * 1024,
                "run this test with -Xmx128m (the flood-in-128m surefire execution does); max heap is now "
                        + Runtime.getRuntime().maxMemory());
        AtomicLong dispatched = new AtomicLong();
        AtomicLong peakUsed = new AtomicLong();
        Harness harness = new Harness() {
            @Override
            public void message(IrcMessage message) {
                if (!message.is("PRIVMSG")) {
                    super.message(message);
                    return;
                }
                long n = dispatched.incrementAndGet();
                if (n % 50_000 == 0) {
                    Runtime runtime = Runtime.getRuntime();
                    peakUsed.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                }
            }
        };
        try (ScriptedIrcServer server = ScriptedIrcServer.start(); harness) {
            harness.start(Harness.settings(server.port()).build());
            ScriptedIrcServer.Peer peer = server.awaitPeer();
            RegistrationTest.register(peer, "alice");
            harness.awaitState(ConnectionState.CONNECTED);
            byte[] chunk = ":flooder!f@host PRIVMSG #flood :line of a flood that never seems to end at all\r\n"
                    .repeat(LINES_PER_WRITE).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < LINES / LINES_PER_WRITE; i++) {
                peer.sendRaw(chunk);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (dispatched.get() < LINES && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(LINES, dispatched.get());
            assertTrue(peakUsed.get() < 128L * 1024 * 1024, "peak heap " + peakUsed.get());
        }
    }
}
