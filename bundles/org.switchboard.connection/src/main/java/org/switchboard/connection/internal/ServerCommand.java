package org.switchboard.connection.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;

/**
 * {@code /server ADDRESS}: connects to another server as a new network, not saved (see {@link NewNetwork});
 * {@link ConnectCommand} hands {@code /connect ADDRESS} to it.
 */
@Component(service = CommandHandler.class, property = {
        CommandHandler.NAME_PROPERTY + "=server",
        CommandHandler.USAGE_PROPERTY + "=/server " + NewNetwork.USAGE,
        CommandHandler.DESCRIPTION_PROPERTY + "=Connect to another server as a new network (not saved)" })
public final class ServerCommand implements CommandHandler {

    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    @Activate
    public ServerCommand(@Reference ConfigurationAdmin configurationAdmin, BundleContext context) {
        this.configurationAdmin = configurationAdmin;
        this.context = context;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        NewNetwork.open(invocation, configurationAdmin, context);
    }
}
