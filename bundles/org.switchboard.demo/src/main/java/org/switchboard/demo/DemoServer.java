package org.switchboard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny IRC server on the loopback interface that plays a simulated network to whoever connects: registration,
 * channels with a topic and hundreds of members, and users chatting at a steady pace. It is not a real server;
 * it knows just enough commands for a client to look busy. One thread accepts, one per client reads, one
 * scheduler makes the simulated users talk; {@link #close()} stops and joins them all.
 */
final class DemoServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DemoServer.class.getName());
    private static final int NAMES_PER_LINE = 40;
    private static final int MAX_LINE_CHARS = 4096;
    private static final int BACKLOG_LINES = 12;

    private final DemoNetwork network;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final ScheduledExecutorService chatter;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientNumbers = new AtomicInteger();
    private volatile boolean open = true;

    /**
     * Binds 127.0.0.1 on a free port and starts.
     *
     * @param chatterMillis pause between two simulated events
     */
    DemoServer(DemoNetwork network, long chatterMillis) throws IOException {
        this.network = network;
        serverSocket = new ServerSocket();
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "switchboard-demo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        chatter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "switchboard-demo-chatter");
            thread.setDaemon(true);
            return thread;
        });
        chatter.scheduleWithFixedDelay(this::simulateOne, chatterMillis, chatterMillis, TimeUnit.MILLISECONDS);
    }

    /** Where the server listens: a loopback address, so that no other machine can reach the demo. */
    InetAddress boundAddress() {
        return serverSocket.getInetAddress();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket socket = serverSocket.accept();
                Client client = new Client(socket, clientNumbers.incrementAndGet());
                clients.add(client);
                client.thread.start();
            } catch (IOException e) {
                if (open) {
                    LOG.log(Level.WARNING, "Demo server: accept failed", e);
                }
            }
        }
    }

    private void simulateOne() {
        try {
            DemoNetwork.Event event = network.next();
            for (Client client : clients) {
                client.play(event);
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the chatter must go on.
            LOG.log(Level.WARNING, "Demo server: simulation step failed", e);
        }
    }

    @Override
    public void close() {
        open = false;
        chatter.shutdownNow();
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Demo server: closing the listening socket", e);
        }
        // Readers remove themselves as they end; keep a copy to join them all.
        List<Client> connected = List.copyOf(clients);
        for (Client client : connected) {
            client.close();
        }
        try {
            acceptor.join(5000);
            for (Client client : connected) {
                client.thread.join(5000);
            }
            chatter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clients.clear();
    }

    /** One connected client: its reader thread, and what the server knows about it. */
    private final class Client {
        private final Socket socket;
        private final OutputStream out;
        private final Thread thread;
        private final Set<String> joined = new LinkedHashSet<>();
        private String nick;
        private String user;
        private boolean negotiating;
        private volatile boolean registered;

        Client(Socket socket, int number) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.thread = new Thread(this::readLoop, "switchboard-demo-client-" + number);
            thread.setDaemon(true);
        }

        private void readLoop() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.length() > MAX_LINE_CHARS) {
                        continue;
                    }
                    try {
                        handle(line);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Demo server: could not handle a client line", e);
                    }
                }
            } catch (SocketException e) {
                LOG.log(Level.DEBUG, "Demo server: client link closed");
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Demo server: client read failed", e);
            } finally {
                close();
                clients.remove(this);
            }
        }

        void handle(String raw) {
            List<String> params = split(raw);
            if (params.isEmpty()) {
                return;
            }
            String command = params.remove(0).toUpperCase(Locale.ROOT);
            switch (command) {
                case "CAP" -> cap(params);
                case "NICK" -> nick(params);
                case "USER" -> {
                    user = params.isEmpty() ? "user" : params.get(0);
                    maybeRegister();
                }
                case "PING" -> send(":" + DemoNetwork.SERVER_NAME + " PONG " + DemoNetwork.SERVER_NAME + " :"
                        + (params.isEmpty() ? "" : params.get(0)));
                case "PONG" -> {
                    // Answers to our (non-existent) pings are fine to ignore.
                }
                case "JOIN" -> {
                    for (String channel : param(params, 0).split(",")) {
                        join(channel);
                    }
                }
                case "PART" -> {
                    for (String channel : param(params, 0).split(",")) {
                        part(channel, params.size() > 1 ? params.get(1) : "");
                    }
                }
                case "PRIVMSG", "NOTICE" -> message(command, param(params, 0), param(params, 1));
                case "TOPIC" -> topic(param(params, 0), params.size() > 1 ? params.get(1) : null);
                case "NAMES" -> names(param(params, 0));
                case "MODE" -> mode(param(params, 0));
                case "WHO" -> numeric("315", param(params, 0), "End of WHO list");
                case "LIST" -> list(param(params, 0));
                case "QUIT" -> {
                    send("ERROR :Closing link (" + (nick == null ? "*" : nick) + ") [Quit: "
                            + (params.isEmpty() ? "" : params.get(0)) + "]");
                    close();
                }
                default -> {
                    if (registered) {
                        numeric("421", command, "Unknown command (this is only a demo)");
                    }
                }
            }
        }

        private void cap(List<String> params) {
            String sub = param(params, 0).toUpperCase(Locale.ROOT);
            switch (sub) {
                case "LS" -> {
                    negotiating = true;
                    send(":" + DemoNetwork.SERVER_NAME + " CAP " + (nick == null ? "*" : nick) + " LS :");
                }
                case "REQ" -> send(":" + DemoNetwork.SERVER_NAME + " CAP " + (nick == null ? "*" : nick)
                        + " NAK :" + param(params, 1));
                case "END" -> {
                    negotiating = false;
                    maybeRegister();
                }
                default -> {
                    // LIST and friends: nothing is enabled, nothing to say.
                }
            }
        }

        private void nick(List<String> params) {
            String wanted = param(params, 0);
            if (wanted.isEmpty()) {
                numeric("431", "No nickname given");
                return;
            }
            if (registered) {
                send(":" + prefix() + " NICK :" + wanted);
            }
            nick = wanted;
            maybeRegister();
        }

        private void maybeRegister() {
            if (registered || negotiating || nick == null || user == null) {
                return;
            }
            registered = true;
            numeric("001", "Welcome to the Switchboard demo network, " + nick);
            numeric("002", "Your host is " + DemoNetwork.SERVER_NAME + ", running switchboard-demo");
            numeric("003", "This server was created just now");
            numeric("004", DemoNetwork.SERVER_NAME, "switchboard-demo", "io", "beiklmnopstv");
            numeric("005", "CHANTYPES=#", "PREFIX=(ov)@+", "CHANMODES=b,k,l,imnpst", "NICKLEN=30",
                    "NETWORK=" + DemoNetwork.NETWORK_NAME, "CASEMAPPING=ascii", "are supported by this server");
            numeric("375", "- " + DemoNetwork.SERVER_NAME + " Message of the day -");
            numeric("372", "- This is a simulated network running inside your client.");
            numeric("372", "- Nothing you type here leaves this computer.");
            numeric("372", "- Channels: #switchboard (busy), #skins, #random.");
            numeric("376", "End of /MOTD command.");
        }

        private void join(String name) {
            if (!registered || !name.startsWith("#")) {
                numeric("403", name, "No such channel");
                return;
            }
            DemoNetwork.Channel channel = network.channel(name);
            String shown = channel == null ? name : channel.name();
            synchronized (joined) {
                joined.add(shown.toLowerCase(Locale.ROOT));
            }
            send(":" + prefix() + " JOIN " + shown);
            if (channel != null) {
                numeric("332", shown, channel.topic());
                numeric("333", shown, channel.topicSetBy(), "1700000000");
            }
            names(shown);
            for (DemoNetwork.Event event : network.backlog(shown, BACKLOG_LINES)) {
                play(event);
            }
        }

        private void names(String name) {
            DemoNetwork.Channel channel = network.channel(name);
            List<String> members = new ArrayList<>();
            members.add(nick);
            if (channel != null) {
                members.addAll(channel.members());
            }
            for (int i = 0; i < members.size(); i += NAMES_PER_LINE) {
                numeric("353", "=", name, String.join(" ", members.subList(i, Math.min(members.size(),
                        i + NAMES_PER_LINE))));
            }
            numeric("366", name, "End of /NAMES list.");
        }

        /** The channel list (321, 322 per channel, 323), optionally only the channels named (comma-separated). */
        private void list(String names) {
            List<String> wanted = names.isEmpty() ? List.of()
                    : List.of(names.toLowerCase(Locale.ROOT).split(","));
            numeric("321", "Channel", "Users  Name");
            for (DemoNetwork.Channel channel : network.channels()) {
                if (wanted.isEmpty() || wanted.contains(channel.name().toLowerCase(Locale.ROOT))) {
                    int users = channel.members().size() + (isJoined(channel.name()) ? 1 : 0);
                    numeric("322", channel.name(), Integer.toString(users), channel.topic());
                }
            }
            numeric("323", "End of /LIST");
        }

        private void part(String name, String reason) {
            boolean was;
            synchronized (joined) {
                was = joined.remove(name.toLowerCase(Locale.ROOT));
            }
            if (!was) {
                numeric("442", name, "You're not on that channel");
                return;
            }
            send(":" + prefix() + " PART " + name + (reason.isEmpty() ? "" : " :" + reason));
        }

        private void message(String command, String target, String text) {
            if (target.isEmpty() || text.isEmpty()) {
                numeric("412", "No text to send");
                return;
            }
            if (!command.equals("PRIVMSG")) {
                return;
            }
            if (target.startsWith("#")) {
                if (isJoined(target)) {
                    DemoNetwork.Event reply = network.replyTo(target, nick);
                    if (reply != null) {
                        play(reply);
                    }
                }
            } else {
                send(":" + target + "!" + target + "@sim.demo PRIVMSG " + nick + " :You said \u0002" + text
                        + "\u0002, and I am only a simulation.");
            }
        }

        private void topic(String name, String newTopic) {
            DemoNetwork.Channel channel = network.channel(name);
            if (newTopic != null) {
                send(":" + prefix() + " TOPIC " + name + " :" + newTopic);
            } else if (channel != null) {
                numeric("332", channel.name(), channel.topic());
            } else {
                numeric("331", name, "No topic is set");
            }
        }

        private void mode(String target) {
            if (target.startsWith("#")) {
                numeric("324", target, "+nt");
            } else {
                numeric("221", "+i");
            }
        }

        /** Shows a simulated user's action to this client, if it is in the channel. */
        void play(DemoNetwork.Event event) {
            if (!registered || !isJoined(event.channel())) {
                return;
            }
            String source = ":" + event.nick() + "!" + event.nick().replaceAll("[^A-Za-z0-9]", "") + "@sim.demo";
            switch (event.command()) {
                case "PRIVMSG" -> send(source + " PRIVMSG " + event.channel() + " :" + event.text());
                case "ACTION" -> send(source + " PRIVMSG " + event.channel() + " :\u0001ACTION " + event.text()
                        + "\u0001");
                case "JOIN" -> send(source + " JOIN " + event.channel());
                case "PART" -> send(source + " PART " + event.channel()
                        + (event.text().isEmpty() ? "" : " :" + event.text()));
                default -> throw new IllegalArgumentException("unknown simulated event " + event.command());
            }
        }

        private boolean isJoined(String channel) {
            synchronized (joined) {
                return joined.contains(channel.toLowerCase(Locale.ROOT));
            }
        }

        private String prefix() {
            return nick + "!" + (user == null ? "user" : user) + "@127.0.0.1";
        }

        private void numeric(String code, String... params) {
            StringBuilder line = new StringBuilder(":").append(DemoNetwork.SERVER_NAME).append(' ').append(code)
                    .append(' ').append(nick == null ? "*" : nick);
            for (int i = 0; i < params.length; i++) {
                line.append(' ');
                if (i == params.length - 1) {
                    line.append(':');
                }
                line.append(params[i]);
            }
            send(line.toString());
        }

        /** Chatter and reader threads both write; one line at a time. */
        private void send(String line) {
            byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    close();
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Demo server: closing a client socket", e);
            }
        }
    }

    private static String param(List<String> params, int index) {
        return index < params.size() ? params.get(index) : "";
    }

    /** Splits a client line into command and parameters; tags and a source prefix are dropped. */
    static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        String rest = line.strip();
        if (rest.startsWith("@")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        while (!rest.isEmpty()) {
            if (rest.startsWith(":")) {
                parts.add(rest.substring(1));
                break;
            }
            int space = rest.indexOf(' ');
            if (space < 0) {
                parts.add(rest);
                break;
            }
            parts.add(rest.substring(0, space));
            rest = rest.substring(space + 1).stripLeading();
        }
        return parts;
    }
}
