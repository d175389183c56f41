package org.switchboard.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of a real server that counts the bytes the client sends, so that a test can
 * prove that something the client did (a UI swap) put nothing on the wire. Each accepted connection is piped to
 * the upstream server by two threads.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final AtomicLong clientBytes = new AtomicLong();
    private final AtomicLong clientLines = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    CountingRelay(String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        start("relay-accept-" + port(), this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes the client has sent towards the server so far. */
    long clientBytes() {
        return clientBytes.get();
    }

    /**
     * Waits until the client has sent nothing for {@code quietMillis} (what a join sets off, MODE and WHO, is out)
     * and returns the count then; fails after 20 s of chatter.
     */
    long awaitClientQuiet(long quietMillis) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long count = clientBytes.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = clientBytes.get();
            if (now != count) {
                count = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= quietMillis * 1_000_000L) {
                return count;
            }
        }
        throw new AssertionError("the client kept sending for 20 s");
    }

    /** Line feeds among them: the number of IRC lines sent. */
    long clientLines() {
        return clientLines.get();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(upstreamHost, upstreamPort);
                sockets.add(client);
                sockets.add(server);
                start("relay-up-" + port(), () -> pump(client, server, true));
                start("relay-down-" + port(), () -> pump(server, client, false));
            } catch (IOException e) {
                if (open) {
                    throw new IllegalStateException("relay accept failed", e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean count) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (count) {
                    clientBytes.addAndGet(n);
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            clientLines.incrementAndGet();
                        }
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: the relay for this connection is over.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        open = false;
        listener.close();
        sockets.forEach(CountingRelay::closeQuietly);
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }
}
