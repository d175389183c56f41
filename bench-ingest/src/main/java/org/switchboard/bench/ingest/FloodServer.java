package org.switchboard.bench.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-client IRC server on 127.0.0.1 that exists to flood: it registers the client (CAP LS with an empty list,
 * 001-005 and the end of the MOTD), puts it into a channel of {@link FloodWorkload#MEMBERS} users (when the client
 * does not join within a few seconds it joins it, as a server-side forced join), then writes the pre-generated
 * flood and a PING with a unique token, and notes when the matching PONG comes back.
 *
 * <p>Bounded: one connection, every wait has a timeout, the socket is closed at the end.
 */
final class FloodServer implements AutoCloseable {

    private static final long FORCE_JOIN_AFTER_MILLIS = 3000;

    private final ServerSocket listener;
    private Socket socket;
    private OutputStream out;
    private Thread reader;
    private volatile String nick = "*";
    private final CountDownLatch registered = new CountDownLatch(1);
    private final CountDownLatch joined = new CountDownLatch(1);
    private final CountDownLatch ponged = new CountDownLatch(1);
    private volatile String pingToken;
    private volatile long pongNanos;
    private final List<String> transcript = new ArrayList<>();

    FloodServer() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Accepts the client and waits until it is registered and in the channel.
     *
     * @return {@link System#nanoTime()} when the client's connection was accepted
     */
    long acceptAndJoin(long timeoutMillis) throws IOException, InterruptedException {
        listener.setSoTimeout((int) timeoutMillis);
        socket = listener.accept();
        long accepted = System.nanoTime();
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        reader = new Thread(this::readLoop, "flood-server-reader");
        reader.setDaemon(true);
        reader.start();
        if (!registered.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IOException("client did not register; it sent " + transcript());
        }
        if (!joined.await(FORCE_JOIN_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
            join();
        }
        return accepted;
    }

    /**
     * Writes the flood and a PING, and waits for the PONG.
     *
     * @return nanoseconds from the first flood byte written to the PONG read, or -1 on timeout
     */
    long flood(FloodWorkload workload, long timeoutMillis) throws IOException, InterruptedException {
        pingToken = "bench-" + UUID.randomUUID();
        byte[] ping = ("PING :" + pingToken + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long start;
        synchronized (this) {
            // under the writers' lock: an answer to the client's own PING must not land inside a flood line
            start = System.nanoTime();
            out.write(workload.bytes);
            out.write(ping);
            out.flush();
        }
        if (!ponged.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return pongNanos - start;
    }

    private void readLoop() {
        boolean capNegotiating = false;
        boolean capEnded = false;
        boolean sawNick = false;
        boolean sawUser = false;
        boolean welcomed = false;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String token = pingToken;
                if (token != null && line.startsWith("PONG") && line.contains(token)) {
                    pongNanos = System.nanoTime();
                    ponged.countDown();
                    continue;
                }
                synchronized (transcript) {
                    if (transcript.size() < 200) {
                        transcript.add(line);
                    }
                }
                String[] words = line.split(" ", 3);
                String command = words[0].toUpperCase();
                switch (command) {
                    case "CAP" -> {
                        String sub = words.length > 1 ? words[1].toUpperCase() : "";
                        if (sub.equals("LS")) {
                            capNegotiating = true;
                            send(":" + FloodWorkload.SERVER + " CAP * LS :");
                        } else if (sub.equals("REQ")) {
                            send(":" + FloodWorkload.SERVER + " CAP * NAK :" + (words.length > 2
                                    ? words[2].replaceFirst("^:", "") : ""));
                        } else if (sub.equals("END")) {
                            capEnded = true;
                        }
                    }
                    case "NICK" -> {
                        sawNick = true;
                        nick = words.length > 1 ? words[1].replaceFirst("^:", "") : nick;
                    }
                    case "USER" -> sawUser = true;
                    case "PING" -> send(":" + FloodWorkload.SERVER + " PONG " + FloodWorkload.SERVER + " "
                            + (words.length > 1 ? words[1] : ""));
                    case "JOIN" -> {
                        if (welcomed && joined.getCount() > 0) {
                            join();
                        }
                    }
                    case "QUIT" -> {
                        return;
                    }
                    default -> {
                        // MODE, WHO, USERHOST...: a flood server owes no answers
                    }
                }
                if (!welcomed && sawNick && sawUser && (!capNegotiating || capEnded)) {
                    welcomed = true;
                    welcome();
                    registered.countDown();
                }
            }
        } catch (IOException e) {
            // the client went away; the harness notices the missing PONG
        }
    }

    private void welcome() throws IOException {
        String s = ":" + FloodWorkload.SERVER + " ";
        StringBuilder burst = new StringBuilder();
        for (String line : new String[] {
            s + "001 " + nick + " :Welcome to the flood network " + nick,
            s + "002 " + nick + " :Your host is " + FloodWorkload.SERVER,
            s + "003 " + nick + " :This server was created today",
            s + "004 " + nick + " " + FloodWorkload.SERVER + " flood-1 iow beiklmnopstv",
            s + "005 " + nick + " CHANTYPES=# PREFIX=(ov)@+ CHANMODES=b,k,l,imnpst NETWORK=Flood CASEMAPPING=ascii"
                    + " NICKLEN=30 :are supported by this server",
            s + "375 " + nick + " :- " + FloodWorkload.SERVER + " Message of the day -",
            s + "372 " + nick + " :- flood benchmark server",
            s + "376 " + nick + " :End of /MOTD command.",
        }) {
            burst.append(line).append("\r\n");
        }
        write(burst.toString());
    }

    private synchronized void join() throws IOException {
        if (joined.getCount() == 0) {
            return;
        }
        StringBuilder burst = new StringBuilder();
        burst.append(':').append(nick).append("!bench@127.0.0.1 JOIN ").append(FloodWorkload.CHANNEL).append("\r\n");
        burst.append(':').append(FloodWorkload.SERVER).append(" 332 ").append(nick).append(' ')
                .append(FloodWorkload.CHANNEL).append(" :Flood benchmark channel\r\n");
        for (String reply : FloodWorkload.namesReplies(nick)) {
            burst.append(reply).append("\r\n");
        }
        write(burst.toString());
        joined.countDown();
    }

    private void send(String line) throws IOException {
        write(line + "\r\n");
    }

    private synchronized void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String transcript() {
        synchronized (transcript) {
            return String.join(" | ", transcript);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
