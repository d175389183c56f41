package org.switchboard.launcher;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the window can be opened, as the UI warm-up found out when it started the toolkit. The toolkit's
 * start is one attempt per process: once it has failed, every Swing call fails, so a client that went on would
 * connect to its networks with no window to show them in, invisible to the user and holding the nick. The
 * launcher asks before the window's bundles start and ends with one clear line instead.
 */
final class DisplayCheck {

    private final CompletableFuture<Optional<String>> verdict = new CompletableFuture<>();

    /** The toolkit started: the window can be opened. */
    void usable() {
        verdict.complete(Optional.empty());
    }

    /** The toolkit could not start; {@code problem} says why, in the toolkit's words. */
    void unusable(String problem) {
        verdict.complete(Optional.of(problem));
    }

    /**
     * Waits for the verdict; empty if the window can be opened, or if the toolkit is still starting after
     * {@code patience} (a slow display is still a display: the UI waits for it as it would without this check).
     */
    Optional<String> problem(Duration patience) throws InterruptedException {
        try {
            return verdict.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the display check never fails", e);
        }
    }

    /** The line the user reads when there is no window to open. */
    static String explain(String problem) {
        return "cannot open the window: " + problem
                + " Start with --headless to run without a window (the shell: --headless --console).";
    }
}
