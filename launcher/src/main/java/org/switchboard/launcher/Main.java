package org.switchboard.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.launch.Framework;

/**
 * {@code switchboard} on the command line. Exit codes: 0 after a clean shutdown (window closed, Ctrl-C,
 * SIGTERM, shell exit) or when the client already running on the profile brought its window to the front, 1 when
 * the runtime could not start (the profile in use by another client, or, without
 * --headless, no window to open), 2 for a bad command line.
 */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    /** How long a second start waits for the running client to answer. */
    private static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(3);
    /** How long a windowed client may take from taking its profile to opening its door (its window is up). */
    private static final Duration DOOR_OPENS_WITHIN = Duration.ofSeconds(10);

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
        if (options.installDesktopEntry()) {
            return installDesktopEntry(out, err);
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
            runtime.withHandOver(new InstanceDoor.Host() {
                @Override
                public boolean raise() {
                    return WindowsToFront.raise();
                }

                @Override
                public void open(String url) {
                    runtime.openUrl(url);
                }
            });
        }
        // Before anything shows on screen: a second start on a profile in use shows nothing but its answer.
        try {
            runtime.lockProfile();
        } catch (ProfileInUseException e) {
            return secondStart(e, options, out, err);
        } catch (IOException e) {
            err.println("switchboard: could not start: " + e.getMessage());
            return EXIT_FAILURE;
        }
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

    /**
     * A start on a profile that another client holds: with a window, it asks that client to open its irc:// URLs
     * (a link clicked in a browser) and bring its window to the front, and ends as done (a second click on the
     * icon); otherwise, or when the other has no window or does
     * not answer, it ends with the reason.
     */
    private static int secondStart(ProfileInUseException inUse, LaunchOptions options, PrintStream out,
            PrintStream err) {
        if (!options.headless() && handedOver(inUse, options.urls())) {
            out.println("switchboard: already running on this profile (" + inUse.holder() + "); "
                    + (options.urls().isEmpty() ? "" : "it opens " + String.join(" ", options.urls()) + ", and ")
                    + "its window was brought to the front.");
            return EXIT_OK;
        }
        err.println("switchboard: " + inUse.getMessage());
        return EXIT_FAILURE;
    }

    /**
     * Knocks on the holder's door; a windowed holder that is still starting (its door opens once its window is
     * up) is given {@link #DOOR_OPENS_WITHIN} for that, so that a double click on the icon raises one window.
     */
    static boolean handedOver(ProfileInUseException inUse, List<String> urls) {
        long deadline = System.nanoTime() + DOOR_OPENS_WITHIN.toNanos();
        while (true) {
            if (InstanceDoor.knock(inUse.configFolder(), urls, HAND_OVER_TIMEOUT).filter(InstanceDoor.RAISED::equals)
                    .isPresent()) {
                return true;
            }
            if (!inUse.holderWindowed() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static int installDesktopEntry(PrintStream out, PrintStream err) {
        Path script = home().resolve("bin").resolve("switchboard");
        try {
            // HOME as the desktop sees it; Java's user.home comes from the password database instead
            String userHome = System.getenv("HOME");
            Path entry = DesktopEntry.install(DesktopEntry.dataHome(System.getenv(), Path.of(
                    userHome != null && !userHome.isBlank() ? userHome : System.getProperty("user.home"))), script);
            out.println("switchboard: added to the application menu: " + entry);
            out.println("To open irc:// and ircs:// links with Switchboard: xdg-mime default "
                    + DesktopEntry.FILE_NAME + " x-scheme-handler/irc x-scheme-handler/ircs");
            return EXIT_OK;
        } catch (IOException e) {
            err.println("switchboard: could not add the desktop entry: " + e.getMessage());
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
