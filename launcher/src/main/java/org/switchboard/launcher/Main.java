package org.switchboard.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.launch.Framework;

/**
 * {@code switchboard} on the command line. Exit codes: 0 after a clean shutdown (window closed, Ctrl-C,
 * SIGTERM, shell exit), 1 when the runtime could not start (the profile in use by another client, or, without
 * --headless, no window to open), 2 for a bad command line.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    /** How long shutdown waits for every bundle to stop (connections send QUIT and close). */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        StartupTrace.mark("launcher running");
        LaunchOptions options;
        try {
            options = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("switchboard: " + e.getMessage());
            err.println(CommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.println(CommandLine.USAGE);
            return EXIT_OK;
        }
        if (options.version()) {
            out.println("Switchboard " + SwitchboardRuntime.version());
            return EXIT_OK;
        }
        ProfileDirectories profile = options.profile() != null ? ProfileDirectories.under(options.profile())
                : ProfileDirectories.xdg(System.getenv(), Path.of(System.getProperty("user.home")));
        SwitchboardRuntime runtime = new SwitchboardRuntime(home(), options, profile);
        AtomicBoolean stopRequested = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (stopRequested.compareAndSet(false, true)) {
                try {
                    runtime.stop(STOP_TIMEOUT_MILLIS);
                } catch (Exception e) {
                    err.println("switchboard: shutdown: " + e.getMessage());
                }
            }
        };
        if (!options.headless()) {
            // -Dswitchboard.startup.frame=false: the window opens only when the UI bundle has started (for comparing).
            boolean earlyFrame = !"false".equals(System.getProperty(StartupFrame.SERVICE_PROPERTY))
                    && SwitchboardRuntime.defaultSkinWillStart(profile);
            StartupFrame startupFrame = earlyFrame
                    ? new StartupFrame(StartupFrame.windowStateFile(profile), shutdown) : null;
            DisplayCheck display = new DisplayCheck();
            runtime.withStartupFrame(startupFrame).withDisplayCheck(display);
            UiWarmUp.start(profile, startupFrame, display);
        }
        // Before the framework starts: a signal that arrives while bundles are still starting must stop cleanly too.
        ShutdownSignals.install(shutdown);
        try {
            Framework framework = runtime.start();
            if (stopRequested.get()) {
                // The signal came before the framework existed; stop what has started since.
                runtime.stop(STOP_TIMEOUT_MILLIS);
            }
            // Returns when anything stops the framework: a signal, the window, the shell.
            framework.waitForStop(0);
            return EXIT_OK;
        } catch (StartRefusedException e) {
            err.println("switchboard: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (Exception e) {
            err.println("switchboard: could not start: " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    /** The distribution folder: -Dswitchboard.home, else the parent of the folder holding the launcher jar. */
    static Path home() {
        String configured = System.getProperty("switchboard.home");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Switchboard installation", e);
        }
    }
}
