package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void saslServerChallengesInChunksAreReassembled() throws Exception {
        SaslClient scram = new SaslClient("SCRAM-SHA-256", "u", "p");
        String clientFirst = decode(scram.onServerData("+"));
        String clientNonce = clientFirst.substring("n,,n=u,r=".length());
        // a long server nonce makes the server-first message longer than one AUTHENTICATE line
        ScramServer server = new ScramServer("p", clientFirst.substring(3), clientNonce, "n".repeat(400), 4096);
        String challenge = encode(server.serverFirst());
        assertTrue(challenge.length() > 400 && challenge.length() < 800, challenge);
        // a 400-character piece means more is coming: no answer yet
        assertEquals(List.of(), scram.onServerData(challenge.substring(0, 400)));
        List<String> response = scram.onServerData(challenge.substring(400));
        // the answer repeats the long nonce: two lines of its own
        assertEquals(2, response.size(), response.toString());
        // the proof covers the whole server-first message: computed from both pieces, and only from them
        assertTrue(server.verifyClientFinal(decode(response)), decode(response));
        assertFalse(scram.serverProvedItself());
        assertEquals(List.of("+"), scram.onServerData(encode(server.serverFinal())));
        assertTrue(scram.serverProvedItself());
    }

    @Test
    void aServerChallengeBeyond64KiBIsRefused() {
        SaslClient scram = new SaslClient("SCRAM-SHA-256", "u", "p");
        scram.onServerData("+");
        for (int i = 0; i < SaslClient.MAX_CHALLENGE / 400; i++) {
            assertEquals(List.of(), scram.onServerData("A".repeat(400)));
        }
        SaslClient.SaslException refused = assertThrows(SaslClient.SaslException.class,
                () -> scram.onServerData("A".repeat(400)));
        assertTrue(refused.getMessage().contains("longer than 64 KiB"), refused.getMessage());
    }

    @Test
    void scramIterationCountsThatStallTheReaderOrWeakenThePasswordAreRefused() throws Exception {
        for (int count : new int[] {1, 4095, 1_000_001, Integer.MAX_VALUE}) {
            SaslClient scram = new SaslClient("SCRAM-SHA-256", "u", "p");
            String clientFirst = decode(scram.onServerData("+"));
            ScramServer server = new ScramServer("p", clientFirst.substring(3),
                    clientFirst.substring("n,,n=u,r=".length()), "srv", count);
            SaslClient.SaslException refused = assertThrows(SaslClient.SaslException.class,
                    () -> scram.onServerData(encode(server.serverFirst())));
            assertTrue(refused.getMessage().contains(count + " SCRAM iterations"), refused.getMessage());
        }
        SaslClient scram = new SaslClient("SCRAM-SHA-256", "u", "p");
        String clientFirst = decode(scram.onServerData("+"));
        ScramServer atTheLimit = new ScramServer("p", clientFirst.substring(3),
                clientFirst.substring("n,,n=u,r=".length()), "srv", SaslClient.MIN_SCRAM_ITERATIONS);
        assertTrue(atTheLimit.verifyClientFinal(decode(scram.onServerData(encode(atTheLimit.serverFirst())))));
    }

    @Test
    void plainAndExternalHaveNothingForTheServerToProve() {
        assertTrue(new SaslClient("PLAIN", "u", "p").serverProvedItself());
        assertTrue(new SaslClient("EXTERNAL", "", "").serverProvedItself());
        assertFalse(new SaslClient("SCRAM-SHA-256", "u", "p").serverProvedItself());
    }

    @Test
    void addressesWithUserAndPasswordAreRefusedWithoutQuotingThem() {
        assertEquals("ircs://***@host:6697/#chan", org.switchboard.api.irc.UrlSecrets.withoutUserInfo("ircs://alice:hunter2@host:6697/#chan"));
        assertEquals("irc://host/#chan", org.switchboard.api.irc.UrlSecrets.withoutUserInfo("irc://host/#chan"));
        assertEquals("***@host:6667", org.switchboard.api.irc.UrlSecrets.withoutUserInfo("alice:hunter2@host:6667"));
        for (String address : List.of("ircs://alice:hunter2@host:6697/#chan", "irc://alice:hunter2@host",
                "irc://alice:hun/ter2@host/#chan", "irc://alice:hun#ter2@host", "IRCS://alice:hunter2@host")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> IrcUrl.parse(address));
            assertFalse(refused.getMessage().contains("hun"), refused.getMessage());
            assertFalse(refused.getMessage().contains("alice"), refused.getMessage());
            assertTrue(refused.getMessage().contains("***@"), refused.getMessage());
            IllegalArgumentException fromTheInputLine = assertThrows(IllegalArgumentException.class,
                    () -> NewNetwork.address(new String[] {address}));
            assertFalse(fromTheInputLine.getMessage().contains("hun"), fromTheInputLine.getMessage());
        }
        assertEquals("ircs://***@host:6697/#chan: user or password in the URL is not supported",
                assertThrows(IllegalArgumentException.class,
                        () -> IrcUrl.parse("ircs://alice:hunter2@host:6697/#chan")).getMessage().replace("'", ""));
        for (String[] arguments : List.of(new String[] {"alice:hunter2@host"},
                new String[] {"alice:hunter2@host", "6697"}, new String[] {"ircs://alice:hunter2@host", "6697"})) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> NewNetwork.address(arguments));
            assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
        }
        IllegalArgumentException configured = assertThrows(IllegalArgumentException.class,
                () -> ServerAddress.parse("irc://alice:hunter2@host:6667"));
        assertFalse(configured.getMessage().contains("hunter2"), configured.getMessage());
    }

    /** The payload that AUTHENTICATE lines carry, put together again. */
    private static String decode(List<String> lines) {
        assertFalse(lines.isEmpty());
        String base64 = String.join("", lines.get(lines.size() - 1).equals("+") ? lines.subList(0, lines.size() - 1)
                : lines);
        return new String(java.util.Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void fingerprintsAreNormalised() {
        assertEquals("abcdef01", NetworkSettings.normalizeFingerprint(" AB:CD:EF:01 "));
        assertEquals("AB:CD:EF", CertificateChecker.displayFingerprint("abcdef"));
    }
}
