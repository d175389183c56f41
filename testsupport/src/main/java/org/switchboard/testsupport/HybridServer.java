package org.switchboard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Debian's ircd-hybrid 8 ({@code /usr/sbin/ircd-hybrid}) in the foreground: the ratbox/hybrid family, which holds a
 * new connection's input until its own hostname and ident lookups are done and answers nothing before that, CAP
 * included. Ident and DNS stay on, as users meet them; on 127.0.0.1 both fail at once.
 *
 * <p>Debian's package conflicts with ngIRCd's, so it is usually not installed but unpacked by
 * {@code testsupport/unpack-ircd-hybrid.sh} into {@link #UNPACKED} ({@code $SWITCHBOARD_HYBRID_DIR}, by default
 * {@code /var/tmp/switchboard-ircd-hybrid}); the script also links the folder the binary loads its modules from,
 * {@code /usr/lib/ircd-hybrid}, to the unpacked one. An installed {@code /usr/sbin/ircd-hybrid} is taken first.
 *
 * <p>It refuses to run as root, so as root it runs as Debian's {@code irc} user (as {@link ZncBouncer} does),
 * which needs its folder writable for the log, the pid file and the ban databases: test material only.
 */
public final class HybridServer extends RealIrcServer {

    public static final String SERVER_NAME = "hybrid.test";
    /** Where {@code unpack-ircd-hybrid.sh} puts the package's files. */
    public static final Path UNPACKED = Path.of(Objects.requireNonNullElse(System.getenv("SWITCHBOARD_HYBRID_DIR"),
            "/var/tmp/switchboard-ircd-hybrid"));
    private static final Path INSTALLED = Path.of("/");
    private static final Path PROGRAM = Path.of("usr/sbin/ircd-hybrid");

    private HybridServer(Builder builder, Path packageRoot) {
        super("hybrid", packageRoot.resolve(PROGRAM), SERVER_NAME, builder.password, null);
    }

    private static Path packageRoot() {
        return Files.isExecutable(INSTALLED.resolve(PROGRAM)) ? INSTALLED : UNPACKED;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Path writeConfiguration() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder conf = new StringBuilder();
        conf.append("serverinfo {\n\tname = \"").append(SERVER_NAME).append("\";\n")
                .append("\tdescription = \"Switchboard test server\";\n")
                .append("\tnetwork_name = \"HybridTest\";\n\tnetwork_description = \"test\";\n")
                .append("\thub = no;\n\tdefault_max_clients = 64;\n")
                .append("\tmax_nick_length = 30;\n\tmax_topic_length = 300;\n};\n")
                .append("admin {\n\tname = \"test\";\n\tdescription = \"test\";\n")
                .append("\temail = \"<test@example.invalid>\";\n};\n")
                .append("class {\n\tname = \"users\";\n\tping_time = 90 seconds;\n\tnumber_per_ip_local = 50;\n")
                .append("\tmax_number = 100;\n\tsendq = 1 megabyte;\n\trecvq = 2560 bytes;\n};\n")
                .append("listen {\n\thost = \"127.0.0.1\";\n\tport = ").append(port).append(";\n};\n")
                .append("auth {\n\tuser = \"*@*\";\n\tclass = \"users\";\n");
        if (password != null) {
            conf.append("\tpassword = \"").append(password).append("\";\n")
                    .append("\tflags = need_password, can_flood;\n");
        } else {
            conf.append("\tflags = can_flood;\n");
        }
        conf.append("};\n")
                // the tests connect several clients from 127.0.0.1 within a second; hybrid's default is one per 2 s
                .append("general {\n\tdisable_auth = no;\n\tthrottle_time = 0;\n};\n");
        Path file = directory.resolve("ircd.conf");
        Files.writeString(file, conf.toString());
        return file;
    }

    @Override
    protected List<String> command(Path config) {
        List<String> command = new ArrayList<>(asIrcUserWhenRoot());
        command.addAll(List.of(binary().toString(), "-foreground", "-configfile", config.toString(),
                "-pidfile", directory.resolve("ircd.pid").toString(),
                "-logfile", directory.resolve("ircd.log").toString(),
                "-klinefile", directory.resolve("kline.db").toString(),
                "-dlinefile", directory.resolve("dline.db").toString(),
                "-xlinefile", directory.resolve("xline.db").toString(),
                "-resvfile", directory.resolve("resv.db").toString()));
        return command;
    }

    public static final class Builder {
        private String password;

        /** A password every client must give with PASS (an {@code auth} block with {@code need_password}). */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public HybridServer start() {
            HybridServer server = new HybridServer(this, packageRoot());
            server.start();
            return server;
        }
    }
}
