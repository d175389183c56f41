package org.switchboard.session.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInfo;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.plugins.CallbackMonitor;
import org.switchboard.api.session.Session;
import org.switchboard.session.callback.CallbackMonitorSlot;

/**
 * The command dispatcher service. Handlers are bound dynamically, so a feature bundle that stops takes its
 * commands away at once and one that starts adds them, without restarting anything else.
 */
@Component(service = CommandDispatcher.class)
public final class CommandDispatcherComponent implements CommandDispatcher {

    private final CommandRegistry registry = new CommandRegistry();
    private final Map<String, IrcConnection> connections = new ConcurrentHashMap<>();
    private final CallbackMonitorSlot callbacks = new CallbackMonitorSlot(
            System.getLogger(CommandDispatcherComponent.class.getName()));
    private final InputDispatcher dispatcher;

    @Activate
    public CommandDispatcherComponent(@Reference(name = "session") Session session,
            @Reference(name = "protocol") IrcProtocol protocol) {
        dispatcher = new InputDispatcher(session, protocol, registry,
                network -> Optional.ofNullable(connections.get(network)), callbacks);
    }

    @Deactivate
    public void deactivate() {
        dispatcher.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindHandler(CommandHandler handler, Map<String, Object> properties) {
        registry.add(handler, properties);
    }

    public void unbindHandler(CommandHandler handler, Map<String, Object> properties) {
        registry.remove(handler, properties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindCallbackMonitor(CallbackMonitor monitor) {
        callbacks.bind(monitor);
    }

    public void unbindCallbackMonitor(CallbackMonitor monitor) {
        callbacks.unbind(monitor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindConnection(IrcConnection connection) {
        connections.put(connection.network(), connection);
    }

    public void unbindConnection(IrcConnection connection) {
        connections.remove(connection.network(), connection);
    }

    @Override
    public void execute(String network, String buffer, String input) {
        dispatcher.execute(network, buffer, input);
    }

    @Override
    public boolean hasCommand(String name) {
        return registry.has(name) || InputDispatcher.HELP.equalsIgnoreCase(name);
    }

    @Override
    public List<CommandInfo> commands() {
        return registry.infos();
    }
}
