package org.switchboard.session.command;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInfo;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.IrcProtocolException;
import org.switchboard.api.irc.ServicesPasswords;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.api.session.Session;

/**
 * Routes one line of user input: a slash command to its handler, anything else as messages to the buffer's
 * target. Feedback goes into the buffer the user typed in (or its network's server buffer).
 */
public final class InputDispatcher {

    private static final System.Logger LOG = System.getLogger(InputDispatcher.class.getName());
    static final String HELP = "help";
    /** Long enough for any well-behaved handler (they only queue lines), short enough not to feel stuck. */
    static final Duration DEFAULT_PATIENCE = Duration.ofMillis(500);

    private final Session session;
    private final IrcProtocol protocol;
    private final CommandRegistry registry;
    private final Function<String, Optional<IrcConnection>> connections;
    private final CallbackMonitor callbacks;
    private final HandlerRunner runner;

    /** @param callbacks watches handlers while they run and is told about those that throw */
    public InputDispatcher(Session session, IrcProtocol protocol, CommandRegistry registry,
            Function<String, Optional<IrcConnection>> connections, CallbackMonitor callbacks) {
        this(session, protocol, registry, connections, callbacks, DEFAULT_PATIENCE);
    }

    /**
     * @param patience how long a caller waits for a command handler before it gets control back while the
     *                 handler goes on in the background
     */
    InputDispatcher(Session session, IrcProtocol protocol, CommandRegistry registry,
            Function<String, Optional<IrcConnection>> connections, CallbackMonitor callbacks, Duration patience) {
        this.runner = new HandlerRunner(patience);
        this.session = session;
        this.protocol = protocol;
        this.registry = registry;
        this.connections = connections;
        this.callbacks = callbacks;
    }

    public void execute(String network, String buffer, String input) {
        if (input == null || input.isBlank()) {
            return;
        }
        if (input.startsWith("/") && !input.startsWith("//")) {
            command(network, buffer, input.substring(1));
            return;
        }
        String text = input.startsWith("//") ? input.substring(1) : input;
        sendText(network, buffer, text);
    }

    private void command(String network, String buffer, String line) {
        int space = line.indexOf(' ');
        String name = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String arguments = space < 0 ? "" : line.substring(space + 1);
        Invocation invocation = new Invocation(name, arguments, network, buffer);
        CommandRegistry.Entry entry = registry.lookup(name);
        if (entry == null) {
            if (HELP.equals(name)) {
                help(invocation);
            } else {
                invocation.error("Unknown command: /" + name + " — type /help for the list of commands");
            }
            return;
        }
        HandlerRunner.Outcome outcome = runner.run(entry.handler(), () -> {
            try (CallbackMonitor.Call call = callbacks.started(entry.handler(), "/" + name)) {
                entry.handler().execute(invocation);
            } catch (RuntimeException | LinkageError e) {
                // A LinkageError: the handler's bundle went away while it ran.
                callbacks.failed(entry.handler(), "/" + name, e);
                invocation.error("/" + name + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        });
        switch (outcome) {
            case STILL_RUNNING -> invocation.reply("/" + name + " is taking a while; it goes on in the background");
            case BUSY -> invocation.error("/" + name + " is still busy with an earlier call; not run again");
            case CLOSED -> invocation.error("/" + name + " not run: the client is shutting down");
            case FINISHED -> { }
        }
    }

    /** True while a call of {@code handler} is running, in the background or not. */
    boolean isRunning(CommandHandler handler) {
        return runner.isRunning(handler);
    }

    /** Stops waiting for handlers still running and interrupts them; later commands are refused. */
    public void close() {
        runner.close();
    }

    private void help(Invocation invocation) {
        List<CommandInfo> commands = registry.infos();
        String wanted = invocation.arguments().strip().toLowerCase(Locale.ROOT);
        if (wanted.startsWith("/")) {
            wanted = wanted.substring(1);
        }
        if (!wanted.isEmpty()) {
            for (CommandInfo info : commands) {
                if (info.name().equals(wanted)) {
                    invocation.reply(describe(info));
                    return;
                }
            }
            invocation.error("Unknown command: /" + wanted + " — type /help for the list of commands");
            return;
        }
        invocation.reply("Commands (" + (commands.size() + 1) + "):");
        invocation.reply("  /help [command] — list the commands, or explain one");
        for (CommandInfo info : commands) {
            invocation.reply("  " + describe(info));
        }
    }

    private static String describe(CommandInfo info) {
        String usage = info.usage().isEmpty() ? "/" + info.name() : info.usage();
        return info.description().isEmpty() ? usage : usage + " — " + info.description();
    }

    private void sendText(String network, String bufferName, String text) {
        Optional<Buffer> buffer = session.find(network, bufferName);
        Invocation feedback = new Invocation("", "", network, bufferName);
        if (buffer.isEmpty() || buffer.get().type() == BufferType.SERVER) {
            feedback.error("This is not a channel or query; join a channel with /join #channel first");
            return;
        }
        Optional<IrcConnection> connection = connections.apply(network);
        if (connection.isEmpty()) {
            feedback.error("Not sent: network " + network + " is not configured");
            return;
        }
        IrcConnection c = connection.get();
        String target = buffer.get().name();
        // A paste of several lines becomes several messages, as the user sees them.
        for (String line : text.split("\r?\n|\r")) {
            if (line.isEmpty()) {
                continue;
            }
            // what the buffer (and so the disk log) repeats of a line that did not go out: never a password
            // typed to services
            String shown = ServicesPasswords.redact(target, line);
            try {
                IrcMessage message = IrcMessage.of("PRIVMSG", target, line);
                for (IrcMessage part : protocol.splitMessage(message, c.ownSource(), c.isupport().linelen())) {
                    if (!c.send(part)) {
                        feedback.error("Not sent (the connection refused it): " + shown);
                        return;
                    }
                }
            } catch (IrcProtocolException e) {
                feedback.error("Not sent (" + reason(e, line, shown) + "): " + shown);
                return;
            }
        }
    }

    /**
     * Why a line could not be sent, as the protocol said; but a reason that may quote a line holding a password is
     * not repeated.
     */
    private static String reason(IrcProtocolException e, String line, String shown) {
        String message = e.getMessage();
        boolean repeatable = message != null && !message.isBlank() && shown.equals(line);
        return repeatable ? message : "it cannot go out as typed";
    }

    private final class Invocation implements CommandInvocation {
        private final String name;
        private final String arguments;
        private final String network;
        private final String buffer;

        Invocation(String name, String arguments, String network, String buffer) {
            this.name = name;
            this.arguments = arguments;
            this.network = network;
            this.buffer = buffer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String arguments() {
            return arguments;
        }

        @Override
        public String[] argumentList() {
            String trimmed = arguments.strip();
            return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
        }

        @Override
        public String network() {
            return network;
        }

        @Override
        public Optional<IrcConnection> connection() {
            return network == null ? Optional.empty() : connections.apply(network);
        }

        @Override
        public String buffer() {
            return buffer;
        }

        @Override
        public void reply(String text) {
            show(LineKind.INFO, text);
        }

        @Override
        public void error(String text) {
            show(LineKind.ERROR, text);
        }

        private void show(LineKind kind, String text) {
            Optional<Buffer> target = session.find(network, buffer);
            if (target.isEmpty() && network != null) {
                target = session.find(network, network);
            }
            if (target.isPresent()) {
                session.appendInfo(target.get().id(), kind, text);
            } else {
                LOG.log(System.Logger.Level.INFO, (kind == LineKind.ERROR ? "Error: " : "") + text);
            }
        }
    }
}
