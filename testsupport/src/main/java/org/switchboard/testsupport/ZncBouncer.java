package org.switchboard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's ZNC ({@code /usr/bin/znc}) in the foreground, as the bouncer many IRC users put between their client and
 * the network: one ZNC user with one network that connects to {@code upstream} and sits in the given channels.
 * A client logs in with the server password {@code user/network:password} ({@link #password()}).
 *
 * <p>ZNC run as root waits 30 seconds before it starts, so as root it runs as Debian's {@code irc} user (the one
 * ngIRCd drops to), which needs its data folder writable: test material only.
 */
public final class ZncBouncer extends RealIrcServer {

    public static final Path BINARY = Path.of("/usr/bin/znc");
    public static final String SERVER_NAME = "irc.znc.in";

    private final String user;
    private final String network;
    private final String secret;
    private final RealIrcServer upstream;
    private final List<String> channels;
    private final boolean clearBufferAfterPlayback;

    private ZncBouncer(Builder builder) {
        super("znc", BINARY, SERVER_NAME, builder.user + "/" + builder.network + ":" + builder.secret, null);
        this.user = builder.user;
        this.network = builder.network;
        this.secret = builder.secret;
        this.upstream = builder.upstream;
        this.channels = List.copyOf(builder.channels);
        this.clearBufferAfterPlayback = builder.clearBufferAfterPlayback;
    }

    public static Builder builder(RealIrcServer upstream) {
        return new Builder(upstream);
    }

    /** The ZNC user's nick on the network, which is also its login name. */
    public String user() {
        return user;
    }

    @Override
    protected Path writeConfiguration() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path configs = Files.createDirectories(directory.resolve("configs"));
        Files.setPosixFilePermissions(configs, PosixFilePermissions.fromString("rwxrwxrwx"));
        StringBuilder conf = new StringBuilder();
        conf.append("Version = 1.8.2\n")
                .append("<Listener clients>\n")
                .append("\tPort = ").append(port).append("\n\tIPv4 = true\n\tIPv6 = false\n\tSSL = false\n")
                .append("\tHost = 127.0.0.1\n")
                .append("</Listener>\n")
                .append("<User ").append(user).append(">\n")
                .append("\tPass = plain#").append(secret).append('\n')
                .append("\tNick = ").append(user).append("\n\tAltNick = ").append(user).append("_\n")
                .append("\tIdent = ").append(user).append("\n\tRealName = ZNC test user\n")
                .append("\tAutoClearChanBuffer = ").append(clearBufferAfterPlayback).append('\n')
                .append("\tAutoClearQueryBuffer = ").append(clearBufferAfterPlayback).append('\n')
                .append("\tChanBufferSize = 100\n")
                .append("\t<Network ").append(network).append(">\n")
                .append("\t\tServer = ").append(upstream.host()).append(' ').append(upstream.port()).append('\n');
        for (String channel : channels) {
            conf.append("\t\t<Chan ").append(channel).append(">\n\t\t</Chan>\n");
        }
        conf.append("\t</Network>\n")
                .append("</User>\n");
        Path file = configs.resolve("znc.conf");
        Files.writeString(file, conf.toString());
        // ZNC rewrites its configuration while it runs
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        return file;
    }

    @Override
    protected List<String> command(Path config) {
        List<String> command = new ArrayList<>(asIrcUserWhenRoot());
        command.addAll(List.of(BINARY.toString(), "--foreground", "--datadir", directory.toString()));
        return command;
    }

    public static final class Builder {
        private final RealIrcServer upstream;
        private final List<String> channels = new ArrayList<>();
        private String user = "zncuser";
        private String network = "upstream";
        private String secret = "znc-secret-5e1";
        private boolean clearBufferAfterPlayback = true;

        private Builder(RealIrcServer upstream) {
            this.upstream = upstream;
        }

        /** The ZNC user, also its nick on the network (default {@code zncuser}). */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** A channel ZNC joins on the network and keeps a buffer of. */
        public Builder channel(String channel) {
            channels.add(channel);
            return this;
        }

        /**
         * ZNC's {@code AutoClearChanBuffer} and {@code AutoClearQueryBuffer} (default true, as ZNC ships): false
         * replays the whole buffer on every attach, lines a client has already seen included.
         */
        public Builder clearBufferAfterPlayback(boolean value) {
            this.clearBufferAfterPlayback = value;
            return this;
        }

        public ZncBouncer build() {
            return new ZncBouncer(this);
        }

        public ZncBouncer start() {
            ZncBouncer bouncer = build();
            bouncer.start();
            return bouncer;
        }
    }
}
