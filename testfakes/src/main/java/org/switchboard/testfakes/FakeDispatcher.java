package org.switchboard.testfakes;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.command.CommandInfo;

/** A dispatcher that records each line it is asked to run, as {@code network/buffer: input}; any thread. */
public final class FakeDispatcher implements CommandDispatcher {

    public final BlockingQueue<String> executed = new LinkedBlockingQueue<>();

    @Override
    public void execute(String network, String buffer, String input) {
        executed.add(network + "/" + buffer + ": " + input);
    }

    @Override
    public boolean hasCommand(String name) {
        return false;
    }

    @Override
    public List<CommandInfo> commands() {
        return List.of();
    }
}
