package org.switchboard.testfakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.switchboard.api.command.CommandInvocation;
import org.switchboard.api.connection.IrcConnection;

/** An invocation that records replies and errors. */
public final class FakeInvocation implements CommandInvocation {

    public final List<String> replies = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    private final String name;
    private final String arguments;
    private final String buffer;
    private final IrcConnection connection;

    public FakeInvocation(String name, String arguments, String buffer, IrcConnection connection) {
        this.name = name;
        this.arguments = arguments;
        this.buffer = buffer;
        this.connection = connection;
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
        return connection == null ? null : connection.network();
    }

    @Override
    public Optional<IrcConnection> connection() {
        return Optional.ofNullable(connection);
    }

    @Override
    public String buffer() {
        return buffer;
    }

    @Override
    public void reply(String text) {
        replies.add(text);
    }

    @Override
    public void error(String text) {
        errors.add(text);
    }
}
