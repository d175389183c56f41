package org.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real IRC server process (Debian's ngircd, inspircd, ircd-hybrid or ZNC) listening on 127.0.0.1, with its own
 * temporary configuration folder and free ports. {@link #start()} returns once the client port accepts connections;
 * {@link #close()} stops it (SIGTERM, then SIGKILL). {@link #kill()} and {@link #start()} again restart it on the
 * same ports, for reconnect tests.
 *
 * <p>The process's stdout and stderr go to {@link #logFile()}; {@link #log()} returns it, and every startup
 * failure quotes it.
 */
public abstract class RealIrcServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    protected final Path directory;
    protected final int port;
    protected final int tlsPort;
    protected final String password;
    protected final TlsMaterial tls;
    private final Path binary;
    private final String serverName;
    private final Path logFile;
    private Process process;

    /**
     * @param name       the program's name, for the folder and log file
     * @param binary     the program, run in the foreground
     * @param serverName the name it announces itself with (the source of its numerics)
     */
    protected RealIrcServer(String name, Path binary, String serverName, String password, TlsMaterial tls) {
        this.binary = binary;
        this.serverName = serverName;
        this.directory = Fixtures.newWorldReadableTempDirectory("switchboard-" + name);
        this.port = Fixtures.freePort();
        this.tlsPort = tls == null ? -1 : Fixtures.freePort();
        this.password = password;
        this.tls = tls;
        this.logFile = directory.resolve(name + ".log");
    }

    /** Path of the server binary. */
    protected Path binary() {
        return binary;
    }

    /** Writes the configuration file into {@link #directory} and returns it. */
    protected abstract Path writeConfiguration() throws IOException;

    /** The command line that runs the server in the foreground with {@code config}. */
    protected abstract List<String> command(Path config);

    /** Starts the process (again, after {@link #kill()} or {@link #stop()}) and waits until the port accepts. */
    public synchronized RealIrcServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(getClass().getSimpleName() + " is already running");
        }
        Path binary = binary();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is not installed; install what the README lists (the Debian "
                    + "packages, and testsupport/unpack-ircd-hybrid.sh) to run the real-server tests");
        }
        try {
            Path config = writeConfiguration();
            // readable by a server that drops privileges; a configuration made writable for one that rewrites it
            // (ZNC) stays so
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(config));
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            Files.setPosixFilePermissions(config, permissions);
            process = new ProcessBuilder(command(config))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binary, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(binary + " exited with " + process.exitValue() + " during startup:\n"
                        + log());
            }
            if (Fixtures.accepts(port) && (tlsPort < 0 || Fixtures.accepts(tlsPort))) {
                return this;
            }
            Fixtures.sleep(20);
        }
        stop();
        throw new IllegalStateException(binary + " did not accept connections on port " + port + " within "
                + START_TIMEOUT + ":\n" + log());
    }

    /**
     * The start of a command line for a server that refuses root or dawdles as root (ircd-hybrid, ZNC): as root,
     * {@code setpriv} to Debian's {@code irc} user, whose access the server's folder must then allow; otherwise
     * nothing.
     */
    protected static List<String> asIrcUserWhenRoot() {
        return "root".equals(System.getProperty("user.name"))
                ? List.of("setpriv", "--reuid=irc", "--regid=irc", "--clear-groups")
                : List.of();
    }

    /** Stops the process: SIGTERM, then SIGKILL when it lingers. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the process with SIGKILL, like a crash: no goodbye to the clients. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    public String host() {
        return "127.0.0.1";
    }

    /** The plaintext client port. */
    public int port() {
        return port;
    }

    /** The TLS client port; only when built with TLS material. */
    public int tlsPort() {
        if (tls == null) {
            throw new IllegalStateException("This server was built without TLS");
        }
        return tlsPort;
    }

    /** The server password, or null when none is required. */
    public String password() {
        return password;
    }

    /** The server's name as it announces itself (the source of its numerics). */
    public String serverName() {
        return serverName;
    }

    public Path directory() {
        return directory;
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything the process wrote so far. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
