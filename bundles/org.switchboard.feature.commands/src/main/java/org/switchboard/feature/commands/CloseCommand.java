package org.switchboard.feature.commands;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Session;

/**
 * {@code /close}: closes the buffer it is typed in, as HexChat's does: a channel is left first, a query just goes;
 * the server buffer stays with its network ({@code /quit} disconnects it). See {@link QueryCommand} on why
 * referencing the session is safe.
 */
@Component(property = {
        CommandHandler.NAME_PROPERTY + "=close",
        CommandHandler.USAGE_PROPERTY + "=/close",
        CommandHandler.DESCRIPTION_PROPERTY + "=Close this buffer (leaving the channel)" })
public final class CloseCommand implements CommandHandler {

    private final Session session;

    @Activate
    public CloseCommand(@Reference(name = "session") Session session) {
        this.session = session;
    }

    @Override
    public void execute(CommandInvocation invocation) {
        if (!invocation.arguments().isBlank()) {
            CommandSupport.usage(invocation, "/close (in the buffer to close)");
            return;
        }
        Optional<Buffer> buffer = session.find(invocation.network(), invocation.buffer());
        if (buffer.isEmpty()) {
            invocation.error("/close: there is no buffer " + invocation.buffer() + " to close");
            return;
        }
        if (buffer.get().type() == BufferType.SERVER) {
            invocation.error("The server buffer stays while its network is configured; /quit disconnects it");
            return;
        }
        session.close(buffer.get().id());
    }
}
