package org.switchboard.session.command;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.switchboard.api.command.CommandHandler;

/**
 * Runs command handlers on worker threads of its own and waits for each only a short while. Handlers that return
 * quickly (nearly all) behave as if called directly, so input typed in a row keeps its order; one that blocks
 * breaks the "return quickly" contract and is left to finish in the background, so the input after it is not
 * held up — whoever typed it (the UI's single input thread, the shell) gets control back. A handler still busy
 * with an earlier call is not given another one: a stuck plugin costs one thread, not one per attempt.
 */
final class HandlerRunner implements AutoCloseable {

    /** How a call ended, as far as the caller is concerned. */
    enum Outcome {
        /** The handler returned (or threw) within the patience time. */
        FINISHED,
        /** The handler is still running; it goes on in the background. */
        STILL_RUNNING,
        /** The handler had not finished an earlier call; this one was not started. */
        BUSY,
        /** The dispatcher is shutting down; the call was not started. */
        CLOSED
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Duration patience;
    private final Set<CommandHandler> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;

    HandlerRunner(Duration patience) {
        this.patience = patience;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "switchboard-command-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Idle workers go away after a minute; a burst of typing reuses the same one or two threads.
        workers = Executors.newCachedThreadPool(factory);
    }

    /**
     * Runs {@code call} (which invokes {@code handler} and reports its failures itself) and waits for it up to the
     * patience time.
     */
    Outcome run(CommandHandler handler, Runnable call) {
        if (!running.add(handler)) {
            return Outcome.BUSY;
        }
        Future<?> future;
        try {
            future = workers.submit(() -> {
                try {
                    call.run();
                } finally {
                    running.remove(handler);
                }
            });
        } catch (RejectedExecutionException e) {
            running.remove(handler);
            return Outcome.CLOSED;
        }
        try {
            future.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.FINISHED;
        } catch (TimeoutException e) {
            return Outcome.STILL_RUNNING;
        } catch (ExecutionException e) {
            // The call reports its own failures; anything escaping it was an Error, which must not be hidden.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return Outcome.FINISHED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.STILL_RUNNING;
        }
    }

    /** True while a call of {@code handler} runs (until its worker is done with it, after the handler returned). */
    boolean isRunning(CommandHandler handler) {
        return running.contains(handler);
    }

    /** Interrupts handlers still running (their bundles are being stopped, or the client is) and lets idle workers go. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
