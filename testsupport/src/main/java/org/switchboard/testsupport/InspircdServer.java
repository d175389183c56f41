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
 */
public final class InspircdServer extends RealIrcServer {

    public static final String SERVER_NAME = "inspircd.test";
    public static final String NETWORK_NAME = "SwitchboardTest";
    public static final Path BINARY = Path.of("/usr/sbin/inspircd");

    private static final List<String> MODULES = List.of("cap", "ircv3", "ircv3_capnotify", "ircv3_servertime",
            "ircv3_msgid", "ircv3_echomessage", "ircv3_batch", "ircv3_accounttag", "ircv3_chghost",
            "ircv3_invitenotify", "ircv3_ctctags", "namesx", "uhnames", "monitor");

    private InspircdServer(Builder builder) {
        super("inspircd", builder.password, builder.tls);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static InspircdServer startDefault() {
        return builder().start();
    }

    @Override
    protected Path binary() {
        return BINARY;
    }

    @Override
    public String serverName() {
        return SERVER_NAME;
    }

    @Override
    protected Path writeConfiguration() throws IOException {
        Path motd = directory.resolve("motd.txt");
        Files.writeString(motd, "Welcome to the Switchboard inspircd test server\n");
        StringBuilder conf = new StringBuilder();
        conf.append("<server name=\"").append(SERVER_NAME).append("\" description=\"Switchboard test\" network=\"")
                .append(NETWORK_NAME).append("\">\n")
                .append("<admin name=\"Test\" nick=\"admin\" email=\"admin@example.invalid\">\n")
                .append("<bind address=\"127.0.0.1\" port=\"").append(port).append("\" type=\"clients\">\n");
        if (tls != null) {
            conf.append("<module name=\"ssl_gnutls\">\n")
                    .append("<sslprofile name=\"test\" provider=\"gnutls\" certfile=\"")
                    .append(tls.serverCertificate()).append("\" keyfile=\"").append(tls.serverKey())
                    .append("\" cafile=\"\" crlfile=\"\" dhfile=\"\" requestclientcert=\"no\">\n")
                    .append("<bind address=\"127.0.0.1\" port=\"").append(tlsPort)
                    .append("\" type=\"clients\" sslprofile=\"test\">\n");
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
                .append("<options prefixquit=\"Quit: \" defaultmodes=\"nt\">\n")
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

        public InspircdServer build() {
            return new InspircdServer(this);
        }

        public InspircdServer start() {
            InspircdServer server = build();
            server.start();
            return server;
        }
    }
}
