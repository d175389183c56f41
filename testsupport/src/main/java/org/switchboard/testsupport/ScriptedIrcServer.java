package org.switchboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * An in-process IRC "server" on 127.0.0.1 that does nothing on its own: a test accepts each client connection
 * as a {@link Peer}, waits for the lines the client sends and answers with exactly the lines (or bytes) it wants,
 * including faults: split writes, abrupt closes, a peer that stops reading.
 *
 * <pre>{@code
 * try (ScriptedIrcServer server = ScriptedIrcServer.start()) {
 *     // point the client at 127.0.0.1:server.port()
 *     ScriptedIrcServer.Peer peer = server.awaitPeer();
 *     peer.awaitLine(line -> line.startsWith("USER "));
 *     peer.send(":irc.test 001 nick :Welcome");
 * }
 * }</pre>
 *
 * Every wait is bounded by {@link #DEFAULT_TIMEOUT} (or an explicit timeout) and fails with an
 * {@link AssertionError} listing what was received, so a broken client makes a test fail, never hang.
 */
public final class ScriptedIrcServer implements AutoCloseable {

    /** Bound of every wait without an explicit timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The server name used in {@link Peer#welcome}. */
    public static final String SERVER_NAME = "irc.scripted.test";

    private final ServerSocket serverSocket;
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private ScriptedIrcServer(ServerSocket serverSocket, InetAddress bind, int port) throws IOException {
        this.serverSocket = serverSocket;
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bind, port));
        acceptor = new Thread(this::acceptLoop, "scripted-ircd-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A plaintext server on a free port. */
    public static ScriptedIrcServer start() {
        return start(0);
    }

    /** A plaintext server on {@code port} (0 for a free one), for example to come back on the same port. */
    public static ScriptedIrcServer start(int port) {
        try {
            return new ScriptedIrcServer(new ServerSocket(), InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS server on a free port presenting the key material of {@code context}. */
    public static ScriptedIrcServer startTls(SSLContext context) {
        return startTls(context, InetAddress.getLoopbackAddress());
    }

    /**
     * A TLS server on a free port bound to {@code bind}; binding 127.0.0.2 (still loopback: Linux routes all of
     * 127/8 there) lets a test reach it under a name its certificate does not cover. Bind loopback addresses only:
     * a test server on the wildcard address is open to the network.
     */
    public static ScriptedIrcServer startTls(SSLContext context, InetAddress bind) {
        if (!bind.isLoopbackAddress()) {
            throw new IllegalArgumentException(bind + " is not a loopback address");
        }
        return startTls(context, bind, false);
    }

    /**
     * A TLS server that requires a client certificate trusted by {@code context} (CertFP); see
     * {@link Peer#clientCertificateFingerprint()}.
     */
    public static ScriptedIrcServer startTlsRequiringClientCertificate(SSLContext context) {
        return startTls(context, InetAddress.getLoopbackAddress(), true);
    }

    private static ScriptedIrcServer startTls(SSLContext context, InetAddress bind, boolean needClientAuth) {
        try {
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            socket.setNeedClientAuth(needClientAuth);
            return new ScriptedIrcServer(socket, bind, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Waits for the next client connection. */
    public Peer awaitPeer() {
        return awaitPeer(DEFAULT_TIMEOUT);
    }

    public Peer awaitPeer(Duration timeout) {
        try {
            Peer peer = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (peer == null) {
                throw new AssertionError("No client connected to port " + port() + " within " + timeout);
            }
            return peer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for a client", e);
        }
    }

    /** Number of client connections accepted so far. */
    public int connectionCount() {
        return peers.size();
    }

    /** Stops accepting: later connection attempts are refused. Peers already connected stay up. */
    public void stopListening() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing a listening socket has nothing useful to report
        }
    }

    /** Stops listening and closes every peer. */
    @Override
    public void close() {
        stopListening();
        for (Peer peer : peers) {
            peer.close();
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                Peer peer = new Peer(socket, peers.size() + 1);
                peers.add(peer);
                accepted.add(peer);
            } catch (IOException e) {
                if (!closed) {
                    // a failed TLS accept or a transient error: keep accepting
                    continue;
                }
                return;
            }
        }
    }

    /**
     * One accepted client connection. Lines the client sends are recorded in order (CR/LF stripped, decoded as
     * UTF-8); the {@code await} methods consume them through a cursor, so a script reads like a conversation.
     */
    public static final class Peer implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final Thread reader;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final List<String> lines = new ArrayList<>();
        private int cursor;
        private boolean eof;
        private boolean paused;

        Peer(Socket socket, int number) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            reader = new Thread(this::readLoop, "scripted-ircd-peer-" + number);
            reader.setDaemon(true);
            reader.start();
        }

        private void readLoop() {
            byte[] buffer = new byte[8192];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    awaitResumed();
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            String text = line.toString(StandardCharsets.UTF_8);
                            if (text.endsWith("\r")) {
                                text = text.substring(0, text.length() - 1);
                            }
                            line.reset();
                            record(text);
                        } else {
                            line.write(b);
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // a closed or reset socket ends the conversation like EOF does
            } finally {
                lock.lock();
                try {
                    eof = true;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        private void awaitResumed() throws InterruptedException {
            lock.lock();
            try {
                while (paused) {
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        }

        private void record(String text) {
            lock.lock();
            try {
                lines.add(text);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /**
         * SHA-256 fingerprint (lower-case hex) of the certificate the client presented over TLS, or null when it
         * presented none or the connection is plaintext.
         */
        public String clientCertificateFingerprint() {
            if (!(socket instanceof javax.net.ssl.SSLSocket ssl)) {
                return null;
            }
            try {
                java.security.cert.Certificate[] chain = ssl.getSession().getPeerCertificates();
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
                return java.util.HexFormat.of().formatHex(digest);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                return null;
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every line received so far, in order. */
        public List<String> received() {
            lock.lock();
            try {
                return List.copyOf(lines);
            } finally {
                lock.unlock();
            }
        }

        /** The next line after the cursor, waiting for it. */
        public String nextLine() {
            return awaitLine(line -> true, DEFAULT_TIMEOUT);
        }

        /** Waits for the next line equal to {@code expected}, skipping others. */
        public String awaitLine(String expected) {
            return awaitLine(expected::equals, DEFAULT_TIMEOUT);
        }

        /** Waits for the next line starting with {@code prefix}, skipping others. */
        public String awaitLineStartingWith(String prefix) {
            return awaitLine(line -> line.startsWith(prefix), DEFAULT_TIMEOUT);
        }

        /** Waits for the next line that matches, skipping (but keeping in {@link #received()}) the others. */
        public String awaitLine(Predicate<String> matcher) {
            return awaitLine(matcher, DEFAULT_TIMEOUT);
        }

        public String awaitLine(Predicate<String> matcher, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            lock.lock();
            try {
                while (true) {
                    while (cursor < lines.size()) {
                        String line = lines.get(cursor++);
                        if (matcher.test(line)) {
                            return line;
                        }
                    }
                    if (eof) {
                        throw new AssertionError("Client closed the connection before the expected line; received "
                                + lines);
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("Expected line not received within " + timeout + "; received "
                                + lines);
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a line", e);
            } finally {
                lock.unlock();
            }
        }

        /** Waits until the client has sent at least {@code count} lines in total; returns them all. */
        public List<String> awaitLineCount(int count) {
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            lock.lock();
            try {
                while (lines.size() < count) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || eof) {
                        throw new AssertionError("Expected " + count + " lines, received " + lines);
                    }
                    changed.awaitNanos(left);
                }
                return List.copyOf(lines);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for lines", e);
            } finally {
                lock.unlock();
            }
        }

        /** Waits until the client closes its side of the connection. */
        public void awaitClosed() {
            long deadline = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
            lock.lock();
            try {
                while (!eof) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("Client did not close the connection; received " + lines);
                    }
                    changed.awaitNanos(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            } finally {
                lock.unlock();
            }
        }

        public boolean isClosedByClient() {
            lock.lock();
            try {
                return eof;
            } finally {
                lock.unlock();
            }
        }

        /** Sends one line; CRLF is appended. */
        public Peer send(String line) {
            return sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        /** Sends several lines in one write. */
        public Peer sendAll(String... lines) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                sb.append(line).append("\r\n");
            }
            return sendRaw(sb.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** Sends bytes exactly as given (no line ending added), for odd encodings and bare LF. */
        public Peer sendRaw(byte[] bytes) {
            try {
                synchronized (out) {
                    out.write(bytes);
                    out.flush();
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not send to client", e);
            }
        }

        /**
         * Sends {@code bytes} as separate writes cut at the given offsets, pausing briefly between them so
         * that the client sees separate reads (a line cut mid-way, even inside a UTF-8 sequence).
         */
        public Peer sendSplit(byte[] bytes, int... cuts) {
            int start = 0;
            for (int cut : cuts) {
                sendRaw(java.util.Arrays.copyOfRange(bytes, start, cut));
                pause();
                start = cut;
            }
            return sendRaw(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Sends a standard registration burst: 001 to 005 and a one-line MOTD ending in 376.
         *
         * @param isupportTokens tokens for the 005 line, for example {@code "CHANTYPES=#", "NETWORK=Test"}
         */
        public Peer welcome(String nick, String... isupportTokens) {
            String s = ":" + SERVER_NAME + " ";
            List<String> burst = new ArrayList<>();
            burst.add(s + "001 " + nick + " :Welcome to the scripted network " + nick);
            burst.add(s + "002 " + nick + " :Your host is " + SERVER_NAME);
            burst.add(s + "003 " + nick + " :This server was created today");
            burst.add(s + "004 " + nick + " " + SERVER_NAME + " scripted-1 iow beiklmnopstv");
            if (isupportTokens.length > 0) {
                burst.add(s + "005 " + nick + " " + String.join(" ", isupportTokens) + " :are supported by this server");
            }
            burst.add(s + "375 " + nick + " :- " + SERVER_NAME + " Message of the day -");
            burst.add(s + "372 " + nick + " :- Scripted test server");
            burst.add(s + "376 " + nick + " :End of /MOTD command.");
            return sendAll(burst.toArray(String[]::new));
        }

        /** Stops reading from the socket, so that the client's writes back up once the kernel buffers are full. */
        public void stopReading() {
            lock.lock();
            try {
                paused = true;
            } finally {
                lock.unlock();
            }
        }

        public void resumeReading() {
            lock.lock();
            try {
                paused = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Closes with a TCP reset (SO_LINGER 0) instead of an orderly FIN, like a crashed server or a NAT drop. */
        public void reset() {
            try {
                socket.setSoLinger(true, 0);
            } catch (SocketException ignored) {
                // the socket is already gone; close below is all that is left to do
            }
            close();
        }

        /** Closes the connection in an orderly way (FIN). */
        @Override
        public void close() {
            resumeReading();
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to report when a test closes its end
            }
        }
    }
}
