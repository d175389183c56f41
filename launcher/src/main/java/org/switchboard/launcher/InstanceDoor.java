package org.switchboard.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How a second start on a profile in use reaches the client that holds it: a second click on the desktop icon
 * brings the running client's window to the front, as desktop programs do, instead of ending with "in use". The
 * running client listens on a Unix domain socket in the profile's config folder (which only the user can open);
 * the second one sends {@value #RAISE} and reads one line back: {@value #RAISED}, or {@value #NO_WINDOW} from a
 * client without a window. Nothing else is understood, and nothing a request holds is run.
 *
 * <p>The door opens only while the profile lock is held and closes before it is let go, so the socket file
 * belongs to the lock holder: a file left by a client that crashed is replaced by the next holder.
 */
final class InstanceDoor implements AutoCloseable {

    static final String FILE_NAME = "switchboard.sock";
    static final String RAISE = "raise";
    static final String RAISED = "raised";
    static final String NO_WINDOW = "no-window";
    /** A request or answer longer than this is not one of ours. */
    private static final int MAX_LINE = 64;
    /** How long one visitor may take to say what it wants; the door serves one at a time. */
    private static final Duration VISIT_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(InstanceDoor.class.getName());

    private final Path socketFile;
    private final ServerSocketChannel server;
    private final Thread thread;

    private InstanceDoor(Path socketFile, ServerSocketChannel server, BooleanSupplier raiseWindow) {
        this.socketFile = socketFile;
        this.server = server;
        this.thread = server == null ? null : new Thread(() -> serve(raiseWindow), "switchboard-instance-door");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Opens the door in {@code configFolder}; {@code raiseWindow} brings the window to the front (without waiting
     * for the event thread) and says whether there is one. Where the socket cannot be made (a path too long for
     * one, a file system without them), the client runs without the door, and a second start ends with "in use".
     */
    static InstanceDoor open(Path configFolder, BooleanSupplier raiseWindow) {
        Path file = configFolder.resolve(FILE_NAME);
        ServerSocketChannel server = null;
        try {
            // The lock is ours, so a file here is a crashed holder's.
            Files.deleteIfExists(file);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            return new InstanceDoor(file, server, raiseWindow);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            closeQuietly(server);
            LOG.log(Level.WARNING, "No hand-over to this client from a second start on its profile ({0}): {1}",
                    file, e.toString());
            return new InstanceDoor(file, null, raiseWindow);
        }
    }

    /**
     * Asks the client holding the profile in {@code configFolder} to bring its window to the front; its answer
     * ({@value #RAISED} or {@value #NO_WINDOW}), or empty when there is no door or no answer within
     * {@code timeout}.
     */
    static Optional<String> knock(Path configFolder, Duration timeout) {
        Path file = configFolder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        // A local socket connects at once or not at all; only the answer is waited for.
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(file))) {
            channel.write(ByteBuffer.wrap((RAISE + "\n").getBytes(StandardCharsets.US_ASCII)));
            return readLineWithin(channel, timeout);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private void serve(BooleanSupplier raiseWindow) {
        while (server.isOpen()) {
            try (SocketChannel visitor = server.accept()) {
                Optional<String> request = readLineWithin(visitor, VISIT_TIMEOUT);
                if (request.isPresent() && request.get().equals(RAISE)) {
                    String reply = raiseWindow.getAsBoolean() ? RAISED : NO_WINDOW;
                    visitor.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(Level.DEBUG, "A second start's request failed: {0}", e.toString());
                }
            } catch (RuntimeException e) {
                // the raising failed; the door stays open for the next start
                LOG.log(Level.WARNING, "Could not bring the window to the front", e);
            }
        }
    }

    /**
     * One line of ASCII, up to {@value #MAX_LINE} bytes, within {@code timeout}; empty when the line is longer, the
     * peer goes or time runs out. A visitor that connects and says nothing must not keep the door shut.
     */
    private static Optional<String> readLineWithin(SocketChannel channel, Duration timeout) throws IOException {
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer bytes = ByteBuffer.allocate(MAX_LINE);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (bytes.hasRemaining()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Optional.empty();
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int before = bytes.position();
                if (channel.read(bytes) < 0) {
                    return Optional.empty();
                }
                for (int i = before; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        return Optional.of(new String(bytes.array(), 0, i, StandardCharsets.US_ASCII).strip());
                    }
                }
            }
            return Optional.empty();
        } finally {
            // closing the selector has deregistered the channel, so it may block again for the answer
            if (channel.isOpen()) {
                channel.configureBlocking(true);
            }
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do about it
            }
        }
    }

    /** Closes the door and removes its socket file; call before the profile lock is let go. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        try {
            thread.join(2000);
            Files.deleteIfExists(socketFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Could not remove {0}: {1}", socketFile, e.toString());
        }
    }
}
