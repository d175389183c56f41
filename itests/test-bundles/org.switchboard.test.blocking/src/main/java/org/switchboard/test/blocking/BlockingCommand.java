package org.switchboard.test.blocking;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInvocation;

/**
 * {@code /block}: breaks the "return quickly" rule on purpose. It says so in the buffer, then holds the calling
 * thread until the bundle stops (or two minutes pass, so a broken test cannot hang the build for ever).
 */
@Component(property = { CommandHandler.NAME_PROPERTY + "=block", "switchboard.test=blocking" })
public final class BlockingCommand implements CommandHandler {

    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Thread blocked;

    @Override
    public void execute(CommandInvocation invocation) {
        blocked = Thread.currentThread();
        invocation.reply("blocking on " + Thread.currentThread().getName());
        try {
            released.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            blocked = null;
        }
    }

    /** The name of the thread held right now, or null; for the test. */
    public String blockedThread() {
        Thread thread = blocked;
        return thread == null ? null : thread.getName();
    }

    @Deactivate
    void release() {
        released.countDown();
    }
}
