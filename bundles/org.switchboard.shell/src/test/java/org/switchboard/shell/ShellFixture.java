package org.switchboard.shell;

import java.time.ZoneOffset;
import java.util.Map;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.feature.commands.MsgCommand;
import org.switchboard.feature.join.JoinCommand;
import org.switchboard.feature.join.PartCommand;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;
import org.switchboard.session.command.CommandDispatcherComponent;

/**
 * The shell wired to the real session, dispatcher and feature commands, over fake connections: what the shell
 * does is checked by what reaches the connections and the session.
 */
final class ShellFixture {

    final IrcProtocol protocol = new IrcProtocolComponent();
    final SessionComponent session = new SessionComponent(protocol, 1000);
    final CommandDispatcherComponent dispatcher = new CommandDispatcherComponent(session, protocol);
    final ShellCommands shell = new ShellCommands(ZoneOffset.UTC);
    final CommandHandler join = new JoinCommand();
    final CommandHandler part = new PartCommand();
    final CommandHandler msg = new MsgCommand(protocol);

    ShellFixture() {
        shell.session = session;
        shell.dispatcher = dispatcher;
        shell.protocol = protocol;
    }

    FakeConnection addConnection(String network) {
        FakeConnection connection = new FakeConnection(network, protocol);
        session.bindConnection(connection);
        dispatcher.bindConnection(connection);
        shell.bindConnection(connection);
        return connection;
    }

    void removeConnection(FakeConnection connection) {
        shell.unbindConnection(connection);
        dispatcher.unbindConnection(connection);
        session.unbindConnection(connection);
    }

    /** The server sends us a line (for example our own JOIN, which opens the channel buffer). */
    void receive(FakeConnection connection, String line) {
        session.onMessage(connection, protocol.parse(line));
    }

    void provide(String name, CommandHandler handler) {
        dispatcher.bindHandler(handler, properties(name));
    }

    void withdraw(String name, CommandHandler handler) {
        dispatcher.unbindHandler(handler, properties(name));
    }

    private static Map<String, Object> properties(String name) {
        return Map.of(CommandHandler.NAME_PROPERTY, name);
    }
}
