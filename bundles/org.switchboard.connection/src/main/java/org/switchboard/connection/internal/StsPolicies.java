package org.switchboard.connection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * IRCv3 Strict Transport Security policies, per host name: once a host announced {@code sts} over TLS, the
 * client connects to it only over TLS (on the policy's port) until the policy expires. Policies are refreshed
 * on every TLS connection that announces them and removed by {@code duration=0}.
 *
 * <p>Kept in a properties file ({@code host=port expiryEpochSeconds}); with no file they live in memory only.
 * Shared by all networks of the bundle, so access is synchronized on the class.
 */
public final class StsPolicies {

    private static final System.Logger LOG = System.getLogger(StsPolicies.class.getName());

    private final Path file;
    private final Clock clock;
    private final Properties policies = new Properties();

    public StsPolicies(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        if (file != null && Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                policies.load(in);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not read STS policies from {0}: {1}", file, e.getMessage());
            }
        }
    }

    private static final java.util.Map<Path, StsPolicies> SHARED = new java.util.HashMap<>();

    /** The one instance for {@code file}, so that networks sharing it do not overwrite each other's policies. */
    public static StsPolicies shared(Path file) {
        synchronized (StsPolicies.class) {
            return SHARED.computeIfAbsent(file.toAbsolutePath(), f -> new StsPolicies(f, Clock.systemUTC()));
        }
    }

    /** Policies in memory only. */
    public static StsPolicies inMemory() {
        return new StsPolicies(null, Clock.systemUTC());
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** The TLS port to use for {@code host}, when an unexpired policy exists. */
    public OptionalInt tlsPort(String host) {
        synchronized (StsPolicies.class) {
            String value = policies.getProperty(key(host));
            if (value == null) {
                return OptionalInt.empty();
            }
            String[] parts = value.split(" ");
            try {
                if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                    return OptionalInt.empty();
                }
                return OptionalInt.of(Integer.parseInt(parts[0]));
            } catch (RuntimeException e) {
                return OptionalInt.empty();
            }
        }
    }

    /** Records (or with a zero duration removes) the policy a host announced over TLS. */
    public void update(String host, int port, Duration duration) {
        synchronized (StsPolicies.class) {
            if (duration.isZero() || duration.isNegative()) {
                policies.remove(key(host));
            } else {
                policies.setProperty(key(host), port + " " + clock.instant().plus(duration).getEpochSecond());
            }
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            createOwnerOnly(temp);
            try (OutputStream out = Files.newOutputStream(temp)) {
                policies.store(out, "Switchboard STS policies: host=port expiry-epoch-seconds");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save STS policies to {0}: {1}", file, e.getMessage());
        }
    }

    /**
     * Creates an empty file readable by its owner only (where the file system has POSIX permissions): the policies
     * tell which servers the user visits. Created with the permissions, never loosened after the fact.
     */
    static void createOwnerOnly(Path path) throws IOException {
        Files.deleteIfExists(path);
        if (Files.getFileAttributeView(path.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path);
        }
    }

    /** Parses an sts capability value ({@code port=6697,duration=2592000,preload}) into its keys. */
    static java.util.Map<String, String> parse(String value) {
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                keys.put(part, "");
            } else {
                keys.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return keys;
    }
}
