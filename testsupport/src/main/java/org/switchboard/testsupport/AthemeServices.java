package org.switchboard.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's atheme-services ({@code /usr/bin/atheme-services}) in the foreground, linked to an {@link InspircdServer}
 * built with {@link InspircdServer.Builder#servicesLink()}: NickServ (registration without e-mail verification)
 * and SaslServ with PLAIN and EXTERNAL (certificate fingerprints added with {@link #addCertificate}). Configuration, database and log live in a temporary folder of the current user, so it
 * runs as whoever runs the tests (root included).
 *
 * <pre>{@code
 * try (InspircdServer ircd = InspircdServer.builder().servicesLink().start();
 *         AthemeServices services = AthemeServices.start(ircd)) {
 *     services.registerAccount("alice", "secret-pw");
 *     // a client can now authenticate as alice with SASL PLAIN
 * }
 * }</pre>
 *
 * <p>{@link #start} returns once inspircd offers the {@code sasl} capability with the mechanisms atheme announced,
 * which happens only while the link is up and after the services' burst. Every failure quotes the services' log.
 */
public final class AthemeServices implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/atheme-services");
    /** The services' server id; it must differ from inspircd's ({@code 0IR}). */
    private static final String SERVER_ID = "00A";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final InspircdServer uplink;
    private final Path directory;
    private final Path logFile;
    private Process process;

    private AthemeServices(InspircdServer uplink) {
        this.uplink = uplink;
        this.directory = Fixtures.newWorldReadableTempDirectory("switchboard-atheme");
        this.logFile = directory.resolve("atheme-console.log");
    }

    /** Starts services linked to {@code uplink} (already running) and waits until SASL is offered through them. */
    public static AthemeServices start(InspircdServer uplink) {
        AthemeServices services = new AthemeServices(uplink);
        services.start();
        return services;
    }

    private synchronized void start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is not installed; install the Debian package "
                    + "(apt-get install atheme-services) to run the SASL tests against real services");
        }
        Path data = directory.resolve("data");
        Path config = directory.resolve("atheme.conf");
        try {
            Files.createDirectories(data);
            Files.writeString(config, configuration());
            // -n: stay in the foreground; -D: the database goes to our folder, not /var/lib/atheme
            process = new ProcessBuilder(List.of(BINARY.toString(), "-n", "-c", config.toString(), "-D",
                    data.toString(), "-l", directory.resolve("atheme.log").toString(), "-p",
                    directory.resolve("atheme.pid").toString()))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + BINARY, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(BINARY + " exited with " + process.exitValue() + " during startup:\n"
                        + log() + "\ninspircd log:\n" + uplink.log());
            }
            if (uplinkOffersSasl()) {
                return;
            }
            Fixtures.sleep(50);
        }
        String log = log();
        stop();
        throw new IllegalStateException(BINARY + " did not link to " + InspircdServer.SERVER_NAME + " port "
                + uplink.serverLinkPort() + " within " + START_TIMEOUT + ":\n" + log + "\ninspircd log:\n"
                + uplink.log());
    }

    private String configuration() {
        return """
                loadmodule "modules/protocol/inspircd";
                loadmodule "modules/backend/opensex";
                loadmodule "modules/crypto/pbkdf2v2";
                loadmodule "modules/nickserv/main";
                loadmodule "modules/nickserv/register";
                loadmodule "modules/nickserv/identify";
                loadmodule "modules/nickserv/cert";
                loadmodule "modules/saslserv/main";
                loadmodule "modules/saslserv/plain";
                loadmodule "modules/saslserv/external";
                serverinfo {
                    name = "%1$s";
                    desc = "Switchboard test services";
                    numeric = "%2$s";
                    recontime = 1;
                    netname = "%3$s";
                    hidehostsuffix = "users.test";
                    adminname = "test";
                    adminemail = "admin@example.invalid";
                    registeremail = "noreply@example.invalid";
                    mta = "/bin/true";
                    loglevel = { error; info; admin; network; register; };
                    maxlogins = 5;
                    maxusers = 50;
                    mdlimit = 30;
                    emaillimit = 10;
                    emailtime = 300;
                    auth = none;
                    casemapping = rfc1459;
                };
                uplink "%4$s" {
                    host = "127.0.0.1";
                    password = "%5$s";
                    port = %6$d;
                };
                nickserv { nick = "NickServ"; user = "NickServ"; host = "%1$s"; real = "Nickname Services"; };
                saslserv { nick = "SaslServ"; user = "SaslServ"; host = "%1$s"; real = "SASL Agent"; };
                general {
                    flood_msgs = 0;
                    ratelimit_uses = 0;
                    ratelimit_period = 0;
                    commit_interval = 5;
                    uplink_sendq_limit = 1048576;
                    language = "en";
                    immune_level = immune;
                };
                """.formatted(InspircdServer.SERVICES_NAME, SERVER_ID, InspircdServer.NETWORK_NAME,
                InspircdServer.SERVER_NAME, uplink.linkPassword(), uplink.serverLinkPort());
    }

    /**
     * Asks inspircd for its capabilities, as a client would: {@code sasl} is there only while services are linked,
     * and its value lists the mechanisms that atheme announces once its burst is complete.
     */
    private boolean uplinkOffersSasl() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uplink.host(), uplink.port()), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("CAP LS 302\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            boolean sasl = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains(" CAP * LS ")) {
                    // the mechanism list comes from services after their burst (NickServ is known by then)
                    sasl |= line.matches(".*[ :]sasl=\\S*PLAIN.*");
                    if (!line.contains(" CAP * LS * ")) {
                        break;
                    }
                }
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return sasl;
        } catch (IOException e) {
            // not up yet, or closed on us: ask again
            return false;
        }
    }

    /**
     * Registers {@code account} with NickServ from a fresh test client named after it (no e-mail verification is
     * configured), then disconnects that client. Fails with NickServ's answer when the registration is refused.
     */
    public void registerAccount(String account, String password) {
        try (TestIrcClient client = TestIrcClient.connect(uplink.host(), uplink.port(), account)) {
            client.send("PRIVMSG NickServ :REGISTER " + password + " " + account + "@example.invalid");
            // NickServ's answer starts with the account in bold ("x is now registered…", "x is already
            // registered."); a greeting for an already registered nick may come first
            String answer = client.awaitLine(line -> line.startsWith(":NickServ!")
                    && TestIrcClient.numeric(line).equals("NOTICE")
                    && line.replace("\u0002", "").contains(" :" + account + " is ")).replace("\u0002", "");
            if (!answer.contains(" is now registered")) {
                throw new IllegalStateException("NickServ refused to register " + account + ": " + answer);
            }
            client.quit("registered");
        }
    }

    /**
     * Identifies to {@code account} and adds a client certificate fingerprint to it (NickServ CERT ADD), so that
     * SASL EXTERNAL with that certificate logs into the account. {@code sha256Hex}: lower-case hex, no colons, as
     * inspircd (hash sha256) reports it.
     */
    public void addCertificate(String account, String password, String sha256Hex) {
        try (TestIrcClient client = TestIrcClient.connect(uplink.host(), uplink.port(), account + "-cert")) {
            client.send("PRIVMSG NickServ :IDENTIFY " + account + " " + password);
            client.awaitLine(line -> TestIrcClient.numeric(line).equals("900"));
            client.send("PRIVMSG NickServ :CERT ADD " + sha256Hex);
            String answer = client.awaitLine(line -> line.startsWith(":NickServ!")
                    && line.replace("\u0002", "").contains(sha256Hex)).replace("\u0002", "");
            if (!answer.contains("Added fingerprint")) {
                throw new IllegalStateException("NickServ refused the certificate for " + account + ": " + answer);
            }
            client.quit("certificate added");
        }
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

    /** Kills the process with SIGKILL: the link drops without a goodbye. */
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

    /** Stops the services and removes their folder (configuration, database with the test accounts, logs). */
    @Override
    public void close() {
        stop();
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing a test for
        }
    }

    public Path directory() {
        return directory;
    }

    /** Everything the process wrote to its console so far. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
