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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceDoorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path config;

    @Test
    void aKnockRaisesTheWindowAndGetsTheAnswer() {
        AtomicInteger raised = new AtomicInteger();
        try (InstanceDoor door = InstanceDoor.open(config, () -> raised.incrementAndGet() > 0)) {
            assertEquals(Optional.of(InstanceDoor.RAISED), InstanceDoor.knock(config, PATIENCE));
            assertEquals(Optional.of(InstanceDoor.RAISED), InstanceDoor.knock(config, PATIENCE));
            assertEquals(2, raised.get());
        }
    }

    @Test
    void aClientWithoutAWindowSaysSo() {
        try (InstanceDoor door = InstanceDoor.open(config, () -> false)) {
            assertEquals(Optional.of(InstanceDoor.NO_WINDOW), InstanceDoor.knock(config, PATIENCE));
        }
    }

    @Test
    void noDoorNoAnswerAndAClosedDoorLeavesNothingBehind() {
        assertEquals(Optional.empty(), InstanceDoor.knock(config, PATIENCE));
        InstanceDoor door = InstanceDoor.open(config, () -> true);
        assertTrue(Files.exists(config.resolve(InstanceDoor.FILE_NAME)));
        door.close();
        assertFalse(Files.exists(config.resolve(InstanceDoor.FILE_NAME)));
        assertEquals(Optional.empty(), InstanceDoor.knock(config, PATIENCE));
    }

    @Test
    void aFileLeftByACrashedClientIsReplaced() throws Exception {
        Files.writeString(config.resolve(InstanceDoor.FILE_NAME), "left over");
        try (InstanceDoor door = InstanceDoor.open(config, () -> true)) {
            assertEquals(Optional.of(InstanceDoor.RAISED), InstanceDoor.knock(config, PATIENCE));
        }
    }

    @Test
    void anythingButTheOneRequestIsIgnoredAndASilentVisitorDoesNotShutTheDoor() throws Exception {
        AtomicInteger raised = new AtomicInteger();
        try (InstanceDoor door = InstanceDoor.open(config, () -> raised.incrementAndGet() > 0)) {
            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(config.resolve(InstanceDoor.FILE_NAME));
            try (SocketChannel stranger = SocketChannel.open(address)) {
                stranger.write(ByteBuffer.wrap("open /etc/passwd\n".getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer reply = ByteBuffer.allocate(16);
                assertEquals(-1, stranger.read(reply), "no answer, the visitor is let go");
            }
            try (SocketChannel silent = SocketChannel.open(address)) {
                // says nothing; the door lets it go after its timeout and serves the next one
                assertEquals(Optional.of(InstanceDoor.RAISED), InstanceDoor.knock(config, PATIENCE));
            }
            assertEquals(1, raised.get(), "only the real request raised the window");
        }
    }
}
