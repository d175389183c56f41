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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a second start on a profile in use reaches the client that holds it: a second click on the desktop icon
 * brings the running client's window to the front, as desktop programs do, instead of ending with "in use". The
 * running client listens on a Unix domain socket in the profile's config folder (which only the user can open).
 * The second one sends a line {@value #OPEN} {@code URL} for each irc:// or ircs:// URL it was given (a link
 * clicked in a browser), then {@value #RAISE}, and reads one line back: {@value #RAISED}, or {@value #NO_WINDOW}
 * from a client without a window. Nothing else is understood: a URL is handed to the client's URL handler as a
 * string, never run, and a request that is too long or malformed is dropped whole.
 *
 * <p>The door opens only while the profile lock is held and closes before it is let go, so the socket file
 * belongs to the lock holder: a file left by a client that crashed is replaced by the next holder.
 */
final class InstanceDoor implements AutoCloseable {

    static final String FILE_NAME = "switchboard.sock";
    static final String RAISE = "raise";
    static final String OPEN = "open";
    static final String RAISED = "raised";
    static final String NO_WINDOW = "no-window";
    /** A request longer than this is not one of ours (a few URLs and "raise"). */
    private static final int MAX_REQUEST = 8192;
    private static final int MAX_URLS = 16;
    /** How long one visitor may take to say what it wants; the door serves one at a time. */
    private static final Duration VISIT_TIMEOUT = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(InstanceDoor.class.getName());

    private final Path socketFile;
    private final ServerSocketChannel server;
    private final Thread thread;

    /** What the door asks of the running client. */
    interface Host {
        /** Brings the window to the front without waiting for the event thread; false when there is none. */
        boolean raise();

        /** Opens an irc:// or ircs:// URL (checked to be one, not parsed) in the running client. */
        void open(String url);
    }

    private InstanceDoor(Path socketFile, ServerSocketChannel server, Host host) {
        this.socketFile = socketFile;
        this.server = server;
        this.thread = server == null ? null : new Thread(() -> serve(host), "switchboard-instance-door");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Opens the door in {@code configFolder} for {@code host}. Where the socket cannot be made (a path too long for
     * one, a file system without them), the client runs without the door, and a second start ends with "in use".
     */
    static InstanceDoor open(Path configFolder, Host host) {
        Path file = configFolder.resolve(FILE_NAME);
        ServerSocketChannel server = null;
        try {
            // The lock is ours, so a file here is a crashed holder's.
            Files.deleteIfExists(file);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            return new InstanceDoor(file, server, host);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            closeQuietly(server);
            LOG.log(Level.WARNING, "No hand-over to this client from a second start on its profile ({0}): {1}",
                    file, e.toString());
            return new InstanceDoor(file, null, host);
        }
    }

    /**
     * Asks the client holding the profile in {@code configFolder} to open {@code urls} and bring its window to the
     * front; its answer ({@value #RAISED} or {@value #NO_WINDOW}), or empty when there is no door or no answer
     * within {@code timeout}.
     */
    static Optional<String> knock(Path configFolder, List<String> urls, Duration timeout) {
        Path file = configFolder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        StringBuilder request = new StringBuilder();
        for (String url : urls) {
            request.append(OPEN).append(' ').append(url).append('\n');
        }
        request.append(RAISE).append('\n');
        // A local socket connects at once or not at all; only the answer is waited for.
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(file))) {
            ByteBuffer bytes = ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return readLines(channel, timeout).filter(lines -> lines.size() == 1).map(lines -> lines.get(0));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The URLs of {@code open} lines and a final {@code raise}; empty for anything else. */
    static Optional<List<String>> urlsOf(List<String> lines) {
        if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(RAISE) || lines.size() - 1 > MAX_URLS) {
            return Optional.empty();
        }
        List<String> urls = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            String url = line.startsWith(OPEN + " ") ? line.substring(OPEN.length() + 1) : "";
            String lower = url.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("irc://") || lower.startsWith("ircs://"))
                    || url.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                return Optional.empty();
            }
            urls.add(url);
        }
        return Optional.of(urls);
    }

    private void serve(Host host) {
        while (server.isOpen()) {
            try (SocketChannel visitor = server.accept()) {
                Optional<List<String>> urls = readLines(visitor, VISIT_TIMEOUT).flatMap(InstanceDoor::urlsOf);
                if (urls.isPresent()) {
                    urls.get().forEach(host::open);
                    String reply = host.raise() ? RAISED : NO_WINDOW;
                    visitor.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(Level.DEBUG, "A second start's request failed: {0}", e.toString());
                }
            } catch (RuntimeException e) {
                // opening or raising failed; the door stays open for the next start
                LOG.log(Level.WARNING, "Could not hand a second start over to this client", e);
            }
        }
    }

    /**
     * The lines the peer sends, up to the one that ends its request ({@value #RAISE} from a second start, any line
     * from the door), within {@code timeout} and {@value #MAX_REQUEST} bytes; empty when the peer goes, time runs
     * out or the request is too long. A visitor that connects and says nothing must not keep the door shut.
     */
    private static Optional<List<String>> readLines(SocketChannel channel, Duration timeout) throws IOException {
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer bytes = ByteBuffer.allocate(MAX_REQUEST);
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> lines = new ArrayList<>();
            int lineStart = 0;
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
                        String line = new String(bytes.array(), lineStart, i - lineStart, StandardCharsets.UTF_8)
                                .strip();
                        lines.add(line);
                        lineStart = i + 1;
                        if (!line.startsWith(OPEN + " ")) {
                            return Optional.of(lines);
                        }
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
