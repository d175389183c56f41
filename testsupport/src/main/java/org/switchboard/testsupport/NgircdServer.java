package org.switchboard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's ngIRCd ({@code /usr/sbin/ngircd}) in the foreground. It drops privileges to the {@code irc} user, so
 * its folder, configuration and certificates are world-readable (test material only).
 *
 * <pre>{@code
 * try (NgircdServer server = NgircdServer.builder().password("secret").start()) { ... }
 * }</pre>
 */
public final class NgircdServer extends RealIrcServer {

    public static final String SERVER_NAME = "ngircd.test";
    public static final Path BINARY = Path.of("/usr/sbin/ngircd");

    private final int pingTimeoutSeconds;

    private NgircdServer(Builder builder) {
        super("ngircd", BINARY, SERVER_NAME, builder.password, builder.tls);
        this.pingTimeoutSeconds = builder.pingTimeoutSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plaintext server without password, started. */
    public static NgircdServer startDefault() {
        return builder().start();
    }

    @Override
    protected Path writeConfiguration() throws IOException {
        StringBuilder conf = new StringBuilder();
        conf.append("[Global]\n")
                .append("\tName = ").append(SERVER_NAME).append('\n')
                .append("\tInfo = Switchboard test server\n")
                .append("\tAdminInfo1 = test\n\tAdminInfo2 = test\n\tAdminEMail = test@example.invalid\n")
                .append("\tListen = 127.0.0.1\n")
                .append("\tPorts = ").append(port).append('\n')
                .append("\tMotdPhrase = Welcome to the Switchboard ngircd test server\n")
                .append("\tServerUID = irc\n\tServerGID = irc\n");
        if (password != null) {
            conf.append("\tPassword = ").append(password).append('\n');
        }
        conf.append("[Limits]\n")
                .append("\tMaxNickLength = 30\n\tMaxJoins = 50\n\tMaxConnectionsIP = 0\n")
                .append("\tPingTimeout = ").append(pingTimeoutSeconds).append("\n\tPongTimeout = 20\n")
                .append("\tConnectRetry = 60\n")
                .append("[Options]\n")
                .append("\tPAM = no\n\tDNS = no\n\tIdent = no\n\tSyslogFacility = local1\n");
        if (tls != null) {
            conf.append("[SSL]\n")
                    .append("\tCertFile = ").append(tls.serverCertificate()).append('\n')
                    .append("\tKeyFile = ").append(tls.serverKey()).append('\n')
                    .append("\tPorts = ").append(tlsPort).append('\n');
        }
        Path file = directory.resolve("ngircd.conf");
        Files.writeString(file, conf.toString());
        return file;
    }

    @Override
    protected List<String> command(Path config) {
        return List.of(BINARY.toString(), "--nodaemon", "--config", config.toString());
    }

    public static final class Builder {
        private String password;
        private TlsMaterial tls;
        private int pingTimeoutSeconds = 120;

        /** Seconds of client silence after which the server sends PING (default 120); small values test PONG. */
        public Builder pingTimeoutSeconds(int seconds) {
            this.pingTimeoutSeconds = seconds;
            return this;
        }

        /** Require this server password (PASS) from every client. */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** Also listen for TLS on {@link #tlsPort()} with this certificate. */
        public Builder tls(TlsMaterial material) {
            this.tls = material;
            return this;
        }

        public NgircdServer build() {
            return new NgircdServer(this);
        }

        public NgircdServer start() {
            NgircdServer server = build();
            server.start();
            return server;
        }
    }
}
