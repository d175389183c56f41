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
 *
 * <p>What is measured is the live heap (used after a full collection), not the used heap, which holds garbage
 * up to whatever the collector lets pile up: a leak shows as live data that grows with the flood.
 */
class MillionLineFloodTest {

    private static final int LINES = 1_000_000;
    private static final int LINES_PER_WRITE = 10_000;
    private static final int SAMPLE_EVERY = 100_000;

    /**
     * Most the live heap may grow over the flood: the read buffer (64 KiB) and the decoder's line buffer many times
     * over (the growth measured is a few KiB), and well below what keeping even one message in twenty takes (about
     * 11 MB).
     */
    private static final long MAX_GROWTH_BYTES = 4L * 1024 * 1024;

    private static long liveHeap() {
        // a few rounds: one System.gc() may leave objects that only became unreachable during it
        long live = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            live = Math.min(live, java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                    .getUsed());
        }
        return live;
    }

    @Test
    void millionLineFloodFitsInASmallHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= 140L * 1024 * 1024,
                "run this test with -Xmx128m (the flood-in-128m surefire execution does); max heap is now "
                        + Runtime.getRuntime().maxMemory());
        AtomicLong dispatched = new AtomicLong();
        AtomicLong peakLive = new AtomicLong();
        Harness harness = new Harness() {
            @Override
            public void message(IrcMessage message) {
                if (!message.is("PRIVMSG")) {
                    super.message(message);
                    return;
                }
                long n = dispatched.incrementAndGet();
                if (n % SAMPLE_EVERY == 0) {
                    // on the reader thread, mid-flood: whatever the connection holds on to is live now
                    peakLive.accumulateAndGet(liveHeap(), Math::max);
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
            // measured with the chunk already allocated: it is the sender's, not the connection's
            long baseline = liveHeap();
            for (int i = 0; i < LINES / LINES_PER_WRITE; i++) {
                peer.sendRaw(chunk);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (dispatched.get() < LINES && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(LINES, dispatched.get());
            long growth = peakLive.get() - baseline;
            assertTrue(growth < MAX_GROWTH_BYTES, "the live heap grew by " + growth + " bytes during the flood "
                    + "(from " + baseline + "): the connection keeps what it has dispatched");
        }
    }
}
