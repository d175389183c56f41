package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The small value types and policies of the connection. */
class ValuesTest {

    @Test
    void serverAddressForms() {
        assertEquals(new ServerAddress("irc.example.org", 6667, false), ServerAddress.parse("irc.example.org"));
        assertEquals(new ServerAddress("irc.example.org", 6697, true), ServerAddress.parse("+irc.example.org"));
        assertEquals(new ServerAddress("irc.example.org", 7000, true), ServerAddress.parse("irc.example.org:+7000"));
        assertEquals(new ServerAddress("irc.example.org", 7000, true), ServerAddress.parse("+irc.example.org:7000"));
        assertEquals(new ServerAddress("h", 6697, true), ServerAddress.parse("ircs://h"));
        assertEquals(new ServerAddress("h", 6660, false), ServerAddress.parse("irc://h:6660/#chan"));
        assertEquals(new ServerAddress("::1", 6697, true), ServerAddress.parse("+[::1]"));
        assertEquals("[::1]:+6697", ServerAddress.parse("+[::1]").toString());
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("h:port"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("h:70000"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(":6667"));
    }

    @Test
    void ircUrls() {
        IrcUrl url = IrcUrl.parse("ircs://irc.example.org:7000/#one,two,%23three");
        assertEquals(new ServerAddress("irc.example.org", 7000, true), url.server());
        assertEquals(List.of("#one", "#two", "#three"), url.channels());
        assertEquals(List.of(), IrcUrl.parse("irc://h").channels());
        assertEquals(List.of(), IrcUrl.parse("irc://h/").channels());
        assertThrows(IllegalArgumentException.class, () -> IrcUrl.parse("http://h/"));
        assertThrows(IllegalArgumentException.class, () -> IrcUrl.parse("irc:///#x"));
        assertThrows(IllegalArgumentException.class, () -> IrcUrl.parse("irc://user:pw@h/"));
    }

    @Test
    void tokenBucketAllowsABurstThenOneLinePerInterval() {
        AtomicLong now = new AtomicLong(1_000);
        TokenBucket bucket = new TokenBucket(3, 2_000, now::get);
        assertEquals(0, bucket.tryAcquire());
        assertEquals(0, bucket.tryAcquire());
        assertEquals(0, bucket.tryAcquire());
        assertEquals(2_000, bucket.tryAcquire());
        now.addAndGet(500);
        assertEquals(1_500, bucket.tryAcquire());
        now.addAndGet(1_500);
        assertEquals(0, bucket.tryAcquire());
        assertTrue(bucket.tryAcquire() > 0);
        now.addAndGet(1_000_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.tryAcquire(), "a long pause refills the burst, but no more");
        }
        assertTrue(bucket.tryAcquire() > 0);
    }

    @Test
    void urgentLinesTakeATokenOnCreditThatDelaysTheNextLine() {
        AtomicLong now = new AtomicLong(0);
        TokenBucket bucket = new TokenBucket(1, 1_000, now::get);
        assertEquals(0, bucket.tryAcquire());
        bucket.take();
        assertEquals(2_000, bucket.tryAcquire());
        now.addAndGet(2_000);
        assertEquals(0, bucket.tryAcquire());
    }

    @Test
    void backoffDoublesWithJitterUpToTheCap() {
        Backoff exact = new Backoff(1000, 30_000, () -> 0.5);
        assertEquals(1000, exact.delayMillis(0));
        assertEquals(2000, exact.delayMillis(1));
        assertEquals(16_000, exact.delayMillis(4));
        assertEquals(30_000, exact.delayMillis(5));
        assertEquals(30_000, exact.delayMillis(500));
        assertEquals(800, new Backoff(1000, 30_000, () -> 0.0).delayMillis(0));
        assertEquals(1200, new Backoff(1000, 30_000, () -> 1.0).delayMillis(0));
    }

    @Test
    void nickFallbacks() {
        NickChooser chooser = new NickChooser("alice", List.of("alicia", "ali"));
        assertEquals("alice", chooser.first());
        assertEquals("alicia", chooser.next(30));
        assertEquals("ali", chooser.next(30));
        assertEquals("alice_", chooser.next(30));
        for (int i = 1; i <= 9; i++) {
            assertEquals("alice" + i, chooser.next(30));
        }
        String generated = chooser.next(30);
        assertTrue(generated.matches("alice\\d{4}"), generated);
        NickChooser shortLimit = new NickChooser("abcdefghi", List.of());
        shortLimit.first();
        assertEquals("abcdefgh_", shortLimit.next(9));
        assertEquals("abcdefgh1", shortLimit.next(9));
    }

    @Test
    void saslChunks() {
        assertEquals(List.of("+"), SaslClient.chunks(""));
        assertEquals(List.of("abc"), SaslClient.chunks("abc"));
        String exactly = "x".repeat(400);
        assertEquals(List.of(exactly, "+"), SaslClient.chunks(exactly));
        assertEquals(List.of(exactly, "yy"), SaslClient.chunks(exactly + "yy"));
        assertEquals(List.of(exactly, exactly, "+"), SaslClient.chunks(exactly + exactly));
    }

    @Test
    void saslServerChallengesInChunksAreReassembled() {
        SaslClient scram = new SaslClient("SCRAM-SHA-256", "u", "p");
        assertEquals(1, scram.onServerData("+").size());
        // a 400-character piece means more is coming: no answer yet
        assertEquals(List.of(), scram.onServerData("A".repeat(400)));
    }

    @Test
    void fingerprintsAreNormalised() {
        assertEquals("abcdef01", NetworkSettings.normalizeFingerprint(" AB:CD:EF:01 "));
        assertEquals("AB:CD:EF", CertificateChecker.displayFingerprint("abcdef"));
    }
}
