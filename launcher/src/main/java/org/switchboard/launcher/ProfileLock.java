package org.switchboard.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One running client per profile. Two on the same profile would share the bundle cache (which Felix does not
 * support), write the same logs, settings and window state over each other, and connect twice with one nick. The
 * lock is the operating system's lock on a file in the profile's config folder, so a client that crashed leaves
 * nothing behind to clean up; the file holds the process id, for the message the second client shows.
 */
final class ProfileLock implements AutoCloseable {

    static final String FILE_NAME = "switchboard.lock";

    private final FileChannel channel;

    /** The lock file's second line for a client that shows a window. */
    static final String WINDOWED = "windowed";

    private ProfileLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the profile for this process. Where the file system cannot lock (some network file systems), the
     * client starts anyway, with a warning: refusing would lock the user out of their own profile.
     */
    static ProfileLock acquire(Path configFolder) throws ProfileInUseException {
        return acquire(configFolder, false);
    }

    /**
     * As {@link #acquire(Path)}, noting in the lock file whether this client will have a window: a windowed
     * second start then knows that the holder's door for a hand-over (see {@link InstanceDoor}) opens soon even
     * when it is not open yet, and a headless holder's never does.
     */
    static ProfileLock acquire(Path configFolder, boolean windowed) throws ProfileInUseException {
        Path file = configFolder.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            unlocked(file, e);
            return new ProfileLock(null);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                List<String> written = written(channel);
                String pid = written.isEmpty() ? "" : written.get(0);
                boolean pidKnown = !pid.isEmpty() && pid.chars().allMatch(Character::isDigit);
                boolean holderWindowed = written.size() > 1 && written.get(1).equals(WINDOWED);
                closeQuietly(channel);
                throw new ProfileInUseException(configFolder, pidKnown ? "process " + pid : "another process",
                        holderWindowed);
            }
            channel.truncate(0);
            String content = ProcessHandle.current().pid() + "\n" + (windowed ? WINDOWED + "\n" : "");
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII)), 0);
            return new ProfileLock(channel);
        } catch (OverlappingFileLockException e) {
            // This very process holds it: a second runtime on the same profile in one JVM.
            List<String> written = written(channel);
            closeQuietly(channel);
            throw new ProfileInUseException(configFolder, "this process",
                    written.size() > 1 && written.get(1).equals(WINDOWED));
        } catch (IOException e) {
            closeQuietly(channel);
            unlocked(file, e);
            return new ProfileLock(null);
        }
    }

    /**
     * The lines the holder wrote (its process id, then {@value #WINDOWED} for a client with a window), or none when
     * they cannot be read: where locks are mandatory (Windows) the locked file cannot be read by another process,
     * and that must still end in "in use", not in starting anyway.
     */
    private static List<String> written(FileChannel channel) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(64);
            channel.read(bytes, 0);
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).strip().lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void unlocked(Path file, IOException e) {
        System.getLogger(ProfileLock.class.getName()).log(Level.WARNING, "Could not lock {0} ({1}); starting "
                + "anyway, but a second Switchboard on this profile would not be stopped", file, e.toString());
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held, nothing to report
        }
    }

    /** Lets the profile go; closing the channel releases the lock. */
    @Override
    public void close() {
        if (channel != null) {
            closeQuietly(channel);
        }
    }
}
