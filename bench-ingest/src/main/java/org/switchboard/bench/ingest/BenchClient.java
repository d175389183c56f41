package org.switchboard.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The clients under test, each started as its own process with a fresh home/profile folder and pointed at the
 * flood server. Defaults everywhere: nothing is tuned for the benchmark (see docs/performance-ingest.md).
 */
enum BenchClient {

    /** {@code bin/switchboard --headless}: no window; session, keepalive, features as shipped. */
    SWITCHBOARD_HEADLESS("switchboard-headless", 1000) {
        @Override
        Running start(Settings settings, int port, Path home) throws IOException {
            return switchboard(settings.distribution(), settings, port, home, true);
        }
    },
    /**
     * The same as {@link #SWITCHBOARD_HEADLESS}, from another build ({@code --baseline-dist}): old and new code
     * measured back-to-back in one run, interleaved like every other client.
     */
    SWITCHBOARD_HEADLESS_BASELINE("switchboard-headless-baseline", 1000) {
        @Override
        Running start(Settings settings, int port, Path home) throws IOException {
            if (settings.baselineDistribution() == null) {
                throw new IllegalArgumentException(label + " needs --baseline-dist (BASELINE_DIST in run.sh)");
            }
            return switchboard(settings.baselineDistribution(), settings, port, home, true);
        }
    },
    /** {@code bin/switchboard} under Xvfb; the window shows the channel it joined, as after any autojoin. */
    SWITCHBOARD_UI("switchboard-ui", 3000) {
        @Override
        Running start(Settings settings, int port, Path home) throws IOException {
            return switchboard(settings.distribution(), settings, port, home, false);
        }
    },
    /** Debian's weechat-headless with a temporary --dir; joins through the server's autojoin option. */
    WEECHAT("weechat-headless", 1000) {
        @Override
        Running start(Settings settings, int port, Path home) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("weechat-headless", "--dir", home.toString(), "-r",
                    "/server add bench 127.0.0.1/" + port + " -notls -nicks=wbench -autojoin=" + FloodWorkload.CHANNEL
                            + ";/connect bench");
            return Running.of(launch(pb, home), null);
        }
    },
    /** Debian's irssi with a temporary --home inside a detached tmux session (it needs a terminal). */
    IRSSI("irssi", 1000) {
        @Override
        Running start(Settings settings, int port, Path home) throws IOException {
            String socketName = "sb-bench-" + ProcessHandle.current().pid() + "-" + port;
            run("tmux", "-L", socketName, "new-session", "-d", "-x", "200", "-y", "50",
                    "exec irssi --home=" + home + " -c 127.0.0.1 -p " + port + " -n ibench");
            String panePid = run("tmux", "-L", socketName, "list-panes", "-F", "#{pane_pid}").trim();
            ProcessHandle irssi = ProcessHandle.of(Long.parseLong(panePid))
                    .orElseThrow(() -> new IOException("irssi exited at once"));
            return new Running(irssi, () -> {
                try {
                    run("tmux", "-L", socketName, "kill-server");
                } catch (IOException e) {
                    irssi.destroyForcibly();
                }
            });
        }
    };

    record Settings(Path distribution, Path baselineDistribution, String display, String switchboardOpts) {
    }

    /** A started client: its process (whose /proc status gives the peak RSS) and how to stop it. */
    record Running(ProcessHandle process, Runnable stopper) {
        static Running of(Process process, Runnable stopper) {
            return new Running(process.toHandle(), stopper);
        }

        /**
         * The process to measure: the client itself, or the Java VM it runs in when the start script does not
         * exec it (bin/switchboard keeps a shell parent while it writes its class-data-sharing archive).
         */
        long measuredPid() {
            return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .map(ProcessHandle::pid).findFirst().orElse(process.pid());
        }

        void stop() {
            if (stopper != null) {
                stopper.run();
            }
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process);
            for (ProcessHandle p : all) {
                p.destroy();
            }
            for (ProcessHandle p : all) {
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /** True for the Switchboard clients: a JVM, whose threads the harness reports one by one. */
    boolean isJava() {
        return label.startsWith("switchboard");
    }

    final String label;
    /** Pause after the join, outside the timed region, so that start-up work (window, nick list) is done. */
    final long settleMillis;

    BenchClient(String label, long settleMillis) {
        this.label = label;
        this.settleMillis = settleMillis;
    }

    abstract Running start(Settings settings, int port, Path home) throws IOException;

    static BenchClient byLabel(String label) {
        for (BenchClient c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown client " + label + "; known: switchboard-headless, "
                + "switchboard-headless-baseline, switchboard-ui, weechat-headless, irssi");
    }

    private static Running switchboard(Path distribution, Settings settings, int port, Path home, boolean headless)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/switchboard").toString());
        if (headless) {
            command.add("--headless");
        }
        command.addAll(List.of("--profile", home.toString(), "--nick", "sbench",
                "irc://127.0.0.1:" + port + "/" + FloodWorkload.CHANNEL));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (settings.switchboardOpts() != null) {
            pb.environment().put("SWITCHBOARD_OPTS", settings.switchboardOpts());
        }
        if (!headless) {
            pb.environment().put("DISPLAY", settings.display());
        }
        return Running.of(launch(pb, home), null);
    }

    private static Process launch(ProcessBuilder pb, Path home) throws IOException {
        Files.createDirectories(home);
        pb.redirectErrorStream(true).redirectOutput(home.resolve("client-output.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
