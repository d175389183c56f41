package org.switchboard.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

/**
 * A deliberately dumb IRC client on a plain (or TLS) socket, playing "another user" against a real server: it
 * registers, answers PINGs by itself, joins channels, sends lines and records every line it receives so that a
 * test can wait for what the client under test sent.
 *
 * <pre>{@code
 * try (TestIrcClient bob = TestIrcClient.connect("127.0.0.1", server.port(), "bob")) {
 *     bob.join("#test");
 *     bob.privmsg("#test", "hello");
 *     bob.awaitPrivmsg("alice", "#test", "hi bob");
 * }
 * }</pre>
 */
public final class TestIrcClient implements AutoCloseable {

    private static final Duration TIMEOUT = ScriptedIrcServer.DEFAULT_TIMEOUT;

    private final Socket socket;
    private final OutputStream out;
    private final String nick;
    private final Thread reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> lines = new ArrayList<>();
    private int cursor;
    private boolean eof;

    private TestIrcClient(Socket socket, String nick) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.nick = nick;
        reader = new Thread(this::readLoop, "test-irc-client-" + nick);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects and registers as {@code nick}; returns after the server's 001. */
    public static TestIrcClient connect(String host, int port, String nick) {
        return connect(host, port, nick, null, null);
    }

    /**
     * Connects (over TLS when {@code tls} is not null), sends PASS when {@code password} is not null, registers
     * and waits for 001.
     */
    public static TestIrcClient connect(String host, int port, String nick, String password, SSLContext tls) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5000);
            if (tls != null) {
                socket = tls.getSocketFactory().createSocket(socket, host, port, true);
            }
            TestIrcClient client = new TestIrcClient(socket, nick);
            if (password != null) {
                client.send("PASS " + password);
            }
            client.send("NICK " + nick);
            client.send("USER " + nick + " 0 * :Switchboard test peer " + nick);
            client.awaitLine(line -> numeric(line).equals("001"));
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("Test client could not connect to " + host + ":" + port, e);
        }
    }

    public String nick() {
        return nick;
    }

    /** Joins and waits until the server confirms with the end of the names list. */
    public TestIrcClient join(String channel) {
        send("JOIN " + channel);
        awaitLine(line -> numeric(line).equals("366") && line.contains(" " + channel + " "));
        return this;
    }

    public TestIrcClient privmsg(String target, String text) {
        return send("PRIVMSG " + target + " :" + text);
    }

    /** Sends one raw line; CRLF is appended. */
    public TestIrcClient send(String line) {
        try {
            synchronized (out) {
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Test client " + nick + " could not send", e);
        }
    }

    /** Waits for a PRIVMSG from {@code fromNick} to {@code target} with exactly {@code text}; returns the line. */
    public String awaitPrivmsg(String fromNick, String target, String text) {
        return awaitLine(line -> line.startsWith(":" + fromNick + "!")
                && line.contains(" PRIVMSG " + target + " :" + text)
                && line.endsWith(" :" + text));
    }

    /** Waits for a JOIN of {@code channel} by {@code nickOfJoiner}. */
    public String awaitJoin(String nickOfJoiner, String channel) {
        return awaitLine(line -> line.startsWith(":" + nickOfJoiner + "!") && line.matches(".* JOIN :?" + java.util.regex.Pattern.quote(channel) + "( .*)?"));
    }

    /** Waits for the next line (after the cursor) that matches. */
    public String awaitLine(Predicate<String> matcher) {
        return awaitLine(matcher, TIMEOUT);
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
                    throw new AssertionError(nick + ": connection closed before the expected line; received " + lines);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(nick + ": expected line not received within " + timeout
                            + "; received " + lines);
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

    /** Every line received so far. */
    public List<String> received() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** Sends QUIT and closes. */
    public void quit(String reason) {
        if (!socket.isClosed()) {
            try {
                send("QUIT :" + reason);
            } catch (UncheckedIOException ignored) {
                // already gone
            }
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket has nothing useful to report
        }
    }

    /** The command word of a raw line (after optional tags and source), or "" when there is none. */
    public static String numeric(String line) {
        String rest = line;
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1);
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        if (text.endsWith("\r")) {
                            text = text.substring(0, text.length() - 1);
                        }
                        if (numeric(text).equals("PING")) {
                            send("PONG " + text.substring(text.indexOf("PING") + 5));
                        }
                        lock.lock();
                        try {
                            lines.add(text);
                            changed.signalAll();
                        } finally {
                            lock.unlock();
                        }
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // closed: end of conversation
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
}
