package org.switchboard.launcher;

import java.lang.System.Logger.Level;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT (Ctrl-C) into an orderly framework stop. A plain shutdown hook would also run the
 * stop, but the JVM would then exit with 128+signal; handling the signals ourselves lets a clean shutdown
 * exit with 0. The hook stays as the fallback for other ways the JVM may end.
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    static void install(Runnable shutdown) {
        Thread stopper = new Thread(shutdown, "switchboard-shutdown");
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                // Stop on another thread: the signal dispatcher must not wait for bundles to stop.
                Signal.handle(new Signal(name), signal -> startOnce(stopper));
            } catch (IllegalArgumentException e) {
                System.getLogger(ShutdownSignals.class.getName()).log(Level.DEBUG,
                        "signal " + name + " cannot be handled here", e);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "switchboard-shutdown-hook"));
    }

    private static synchronized void startOnce(Thread stopper) {
        if (stopper.getState() == Thread.State.NEW) {
            stopper.start();
        }
    }
}
