package org.switchboard.ui.swing.window;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Session;
import org.switchboard.ui.swing.networks.NetworkStore;
import org.switchboard.ui.swing.settings.SessionSettingsStore;

/**
 * The services the window works with. Connections and the stores (both on Configuration Admin) come and go at
 * run time, hence the lookups rather than references. {@code rememberTheme} stores the user's theme choice (true for
 * dark).
 */
public record UiServices(Session session, CommandDispatcher dispatcher, IrcProtocol protocol,
        Function<String, Optional<IrcConnection>> connections, Supplier<Optional<NetworkStore>> networks,
        Consumer<Boolean> rememberTheme, Supplier<Optional<SessionSettingsStore>> sessionSettings) {

    /** Without editable session settings (tests and demos outside the framework). */
    public UiServices(Session session, CommandDispatcher dispatcher, IrcProtocol protocol,
            Function<String, Optional<IrcConnection>> connections, Supplier<Optional<NetworkStore>> networks,
            Consumer<Boolean> rememberTheme) {
        this(session, dispatcher, protocol, connections, networks, rememberTheme, Optional::empty);
    }
}
