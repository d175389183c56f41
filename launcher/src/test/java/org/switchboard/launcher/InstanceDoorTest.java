package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceDoorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path config;

    /** A running client as the door sees it: counts raises, keeps the URLs it was asked to open. */
    private static final class Client implements InstanceDoor.Host {
        final AtomicInteger raised = new AtomicInteger();
        final List<String> opened = new CopyOnWriteArrayList<>();
        final boolean hasWindow;

        Client(boolean hasWindow) {
            this.hasWindow = hasWindow;
        }

        @Override
        public boolean raise() {
            raised.incrementAndGet();
            return hasWindow;
        }

        @Override
        public void open(String url) {
            opened.add(url);
        }
    }

    private Optional<String> knock(String... urls) {
        return InstanceDoor.knock(config, List.of(urls), PATIENCE);
    }

    @Test
    void aKnockRaisesTheWindowAndGetsTheAnswer() {
        Client client = new Client(true);
        try (InstanceDoor door = InstanceDoor.open(config, client)) {
            assertEquals(Optional.of(InstanceDoor.RAISED), knock());
            assertEquals(Optional.of(InstanceDoor.RAISED), knock());
            assertEquals(2, client.raised.get());
            assertEquals(List.of(), client.opened);
        }
    }

    @Test
    void theUrlsOfASecondStartAreHandedOverInOrder() {
        Client client = new Client(true);
        try (InstanceDoor door = InstanceDoor.open(config, client)) {
            String longUrl = "ircs://irc.example.org:6697/" + "#c".repeat(300);
            assertEquals(Optional.of(InstanceDoor.RAISED), knock("irc://irc.libera.chat/#java", longUrl));
            assertEquals(List.of("irc://irc.libera.chat/#java", longUrl), client.opened);
        }
    }

    @Test
    void aSecondStartWaitsForTheDoorOfAWindowedHolderThatIsStillStarting() throws Exception {
        Client client = new Client(true);
        ProfileInUseException inUse = new ProfileInUseException(config, "process 1", true);
        // the holder opens its door only once its window is up, a moment after it took the profile
        java.util.concurrent.CompletableFuture<InstanceDoor> door = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return InstanceDoor.open(config, client);
                });
        try {
            assertTrue(Main.handedOver(inUse, List.of("irc://irc.example.org/#late")));
            assertEquals(1, client.raised.get());
            assertEquals(List.of("irc://irc.example.org/#late"), client.opened);
        } finally {
            door.get().close();
        }
    }

    @Test
    void aSecondStartDoesNotWaitForAHeadlessHolderWhichHasNoDoor() {
        assertFalse(Main.handedOver(new ProfileInUseException(config, "process 1", false), List.of()));
    }

    @Test
    void aClientWithoutAWindowSaysSo() {
        try (InstanceDoor door = InstanceDoor.open(config, new Client(false))) {
            assertEquals(Optional.of(InstanceDoor.NO_WINDOW), knock());
        }
    }

    @Test
    void noDoorNoAnswerAndAClosedDoorLeavesNothingBehind() {
        assertEquals(Optional.empty(), knock());
        InstanceDoor door = InstanceDoor.open(config, new Client(true));
        assertTrue(Files.exists(config.resolve(InstanceDoor.FILE_NAME)));
        door.close();
        assertFalse(Files.exists(config.resolve(InstanceDoor.FILE_NAME)));
        assertEquals(Optional.empty(), knock());
    }

    @Test
    void aFileLeftByACrashedClientIsReplaced() throws Exception {
        Files.writeString(config.resolve(InstanceDoor.FILE_NAME), "left over");
        try (InstanceDoor door = InstanceDoor.open(config, new Client(true))) {
            assertEquals(Optional.of(InstanceDoor.RAISED), knock());
        }
    }

    @Test
    void anythingButTheRequestIsIgnoredAndASilentVisitorDoesNotShutTheDoor() throws Exception {
        Client client = new Client(true);
        try (InstanceDoor door = InstanceDoor.open(config, client)) {
            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(config.resolve(InstanceDoor.FILE_NAME));
            for (String request : List.of("open /etc/passwd\n", "open file:///etc/passwd\nraise\n",
                    "open irc://h/#a\u0007b\nraise\n", "open irc://h/\n".repeat(17) + "raise\n",
                    "open irc://h/" + "x".repeat(9000) + "\nraise\n")) {
                try (SocketChannel stranger = SocketChannel.open(address)) {
                    ByteBuffer bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        stranger.write(bytes);
                    }
                    int answered;
                    try {
                        answered = stranger.read(ByteBuffer.allocate(16));
                    } catch (java.io.IOException e) {
                        // let go with unread bytes (the request that is too long): reset, also no answer
                        answered = -1;
                    }
                    assertEquals(-1, answered, "no answer to " + request.length() + " bytes starting "
                            + request.substring(0, Math.min(20, request.length())));
                }
            }
            try (SocketChannel silent = SocketChannel.open(address)) {
                // says nothing; the door lets it go after its timeout and serves the next one
                assertEquals(Optional.of(InstanceDoor.RAISED), knock());
            }
            assertEquals(1, client.raised.get(), "only the real request raised the window");
            assertEquals(List.of(), client.opened, "no malformed request opened anything");
        }
    }
}
