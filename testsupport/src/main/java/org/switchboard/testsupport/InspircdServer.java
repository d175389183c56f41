package org.switchboard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's InspIRCd 3 ({@code /usr/sbin/inspircd}) in the foreground, run as root with a configuration of its own
 * and the IRCv3 modules loaded (cap, cap-notify, server-time, msgid, echo-message, batch, account-tag, chghost,
 * invite-notify, client tags, multi-prefix, userhost-in-names, monitor). With {@link Builder#tls} it also loads
 * {@code ssl_gnutls} and serves TLS on {@link #tlsPort()}. Host name lookups are off, so registration is instant.
 *
 * <p>With {@link Builder#servicesLink()} it also accepts a services server ({@link #SERVICES_NAME}, see
 * {@link AthemeServices}) on {@link #serverLinkPort()} and offers SASL through it (modules spanningtree,
 * services_account, sasl); inspircd advertises the {@code sasl} capability only while services are linked. With
 * {@link Builder#sts} (needs TLS) it announces an IRCv3 STS policy for the TLS port.
 */
public final class InspircdServer extends RealIrcServer {

    public static final String SERVER_NAME = "inspircd.test";
    public static final String NETWORK_NAME = "SwitchboardTest";
    public static final Path BINARY = Path.of("/usr/sbin/inspircd");
    /** The name a linked services server must use; SASL messages go to it. */
    public static final String SERVICES_NAME = "services.test";
    /**
     * The host name an STS policy is announced for. Over TLS inspircd announces the policy only to clients whose
     * SNI names this host, and SNI cannot carry an IP address: connect to {@code localhost} (the test certificate
     * covers it).
     */
    public static final String STS_HOST = "localhost";

    private static final List<String> MODULES = List.of("cap", "ircv3", "ircv3_capnotify", "ircv3_servertime",
            "ircv3_msgid", "ircv3_echomessage", "ircv3_batch", "ircv3_accounttag", "ircv3_chghost",
            "ircv3_invitenotify", "ircv3_ctctags", "namesx", "uhnames", "monitor");

    private final int serverLinkPort;
    private final String linkPassword;
    private final long stsDurationSeconds;

    private InspircdServer(Builder builder) {
        super("inspircd", BINARY, SERVER_NAME, builder.password, builder.tls);
        this.serverLinkPort = builder.servicesLink ? Fixtures.freePort() : -1;
        this.linkPassword = builder.servicesLink ? "link-" + Long.toHexString(System.nanoTime()) : null;
        this.stsDurationSeconds = builder.stsDurationSeconds;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static InspircdServer startDefault() {
        return builder().start();
    }

    /** The port a services server links to; only when built with {@link Builder#servicesLink()}. */
    public int serverLinkPort() {
        if (serverLinkPort < 0) {
            throw new IllegalStateException("This server was built without a services link");
        }
        return serverLinkPort;
    }

    /** The password both sides of the services link send; only with {@link Builder#servicesLink()}. */
    public String linkPassword() {
        serverLinkPort();
        return linkPassword;
    }

    @Override
    protected Path writeConfiguration() throws IOException {
        Path motd = directory.resolve("motd.txt");
        Files.writeString(motd, "Welcome to the Switchboard inspircd test server\n");
        StringBuilder conf = new StringBuilder();
        // a fixed server id, distinct from the services' (AthemeServices uses 00A)
        conf.append("<server name=\"").append(SERVER_NAME).append("\" description=\"Switchboard test\" network=\"")
                .append(NETWORK_NAME).append("\" id=\"0IR\">\n")
                .append("<admin name=\"Test\" nick=\"admin\" email=\"admin@example.invalid\">\n")
                .append("<bind address=\"127.0.0.1\" port=\"").append(port).append("\" type=\"clients\">\n");
        if (tls != null) {
            conf.append("<module name=\"ssl_gnutls\">\n")
                    .append("<sslprofile name=\"test\" provider=\"gnutls\" certfile=\"")
                    .append(tls.serverCertificate()).append("\" keyfile=\"").append(tls.serverKey())
                    .append("\" cafile=\"\" crlfile=\"\" dhfile=\"\" hash=\"sha256\" requestclientcert=\"")
                    // with services: client certificates, whose fingerprints (sslinfo) serve SASL EXTERNAL
                    .append(serverLinkPort > 0 ? "yes" : "no").append("\">\n")
                    .append("<bind address=\"127.0.0.1\" port=\"").append(tlsPort)
                    .append("\" type=\"clients\" sslprofile=\"test\">\n");
        }
        if (serverLinkPort > 0) {
            conf.append("<bind address=\"127.0.0.1\" port=\"").append(serverLinkPort).append("\" type=\"servers\">\n")
                    .append("<module name=\"spanningtree\">\n")
                    .append("<module name=\"services_account\">\n")
                    .append("<module name=\"sasl\">\n")
                    .append("<module name=\"sslinfo\">\n")
                    .append("<sasl target=\"").append(SERVICES_NAME).append("\" requiressl=\"no\">\n")
                    .append("<link name=\"").append(SERVICES_NAME).append("\" ipaddr=\"127.0.0.1\" port=\"")
                    .append(serverLinkPort).append("\" allowmask=\"127.0.0.1/32\" timeout=\"30\" sendpass=\"")
                    .append(linkPassword).append("\" recvpass=\"").append(linkPassword).append("\">\n")
                    .append("<uline server=\"").append(SERVICES_NAME).append("\" silent=\"yes\">\n");
        }
        if (stsDurationSeconds > 0) {
            conf.append("<module name=\"ircv3_sts\">\n")
                    .append("<sts host=\"").append(STS_HOST).append("\" port=\"").append(tlsPort)
                    .append("\" duration=\"").append(stsDurationSeconds).append("\" preload=\"no\">\n");
        }
        conf.append("<power diepass=\"die-").append(port).append("\" restartpass=\"restart-").append(port).append("\">\n")
                .append("<connect name=\"main\" allow=\"*\" maxchans=\"50\" timeout=\"20\" pingfreq=\"120\"")
                .append(" hardsendq=\"1M\" softsendq=\"1M\" recvq=\"64K\" threshold=\"100000\" commandrate=\"1000000\"")
                .append(" fakelag=\"no\" localmax=\"1000\" globalmax=\"1000\" useident=\"no\" resolvehostnames=\"no\"")
                .append(" limit=\"5000\"");
        if (password != null) {
            conf.append(" password=\"").append(password).append("\"");
        }
        conf.append(">\n")
                .append("<class name=\"all\" commands=\"*\" privs=\"*\" usermodes=\"*\" chanmodes=\"*\">\n")
                .append("<files motd=\"").append(motd).append("\">\n")
                .append("<dns timeout=\"1\">\n")
                .append("<pid file=\"").append(directory.resolve("inspircd.pid")).append("\">\n")
                .append("<options prefixquit=\"Quit: \" defaultmodes=\"not\">\n")
                .append("<security runasuser=\"\" runasgroup=\"\">\n")
                .append("<limits maxnick=\"30\" maxchan=\"64\" maxquit=\"255\">\n")
                .append("<log method=\"file\" type=\"* -USERINPUT -USEROUTPUT\" level=\"default\" target=\"")
                .append(directory.resolve("ircd-internal.log")).append("\">\n");
        for (String module : MODULES) {
            conf.append("<module name=\"").append(module).append("\">\n");
        }
        Path file = directory.resolve("inspircd.conf");
        Files.writeString(file, conf.toString());
        return file;
    }

    @Override
    protected List<String> command(Path config) {
        return List.of(BINARY.toString(), "--nofork", "--runasroot", "--config", config.toString());
    }

    public static final class Builder {
        private String password;
        private TlsMaterial tls;
        private boolean servicesLink;
        private long stsDurationSeconds;

        /** Require this connection password (PASS) from every client. */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** Also serve TLS (ssl_gnutls) on {@link #tlsPort()} with this certificate. */
        public Builder tls(TlsMaterial material) {
            this.tls = material;
            return this;
        }

        /** Accept a services server link and offer SASL through it (start {@link AthemeServices} next). */
        public Builder servicesLink() {
            this.servicesLink = true;
            return this;
        }

        /**
         * Announce an STS policy (ircv3_sts) for the TLS port with this duration; needs {@link #tls}. The
         * persistence policy (duration) reaches only TLS clients that sent SNI {@link #STS_HOST}.
         */
        public Builder sts(java.time.Duration duration) {
            if (duration.toSeconds() <= 0) {
                throw new IllegalArgumentException("An STS policy needs a positive duration");
            }
            this.stsDurationSeconds = duration.toSeconds();
            return this;
        }

        public InspircdServer build() {
            if (stsDurationSeconds > 0 && tls == null) {
                throw new IllegalStateException("STS needs TLS: call tls(...) too");
            }
            return new InspircdServer(this);
        }

        public InspircdServer start() {
            InspircdServer server = build();
            server.start();
            return server;
        }
    }
}
