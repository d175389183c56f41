package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile's config folder (ConfigAdmin's store, network files with passwords) and its data folder (the disk
 * logs) are for their owner only.
 */
class ProfilePermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixFileSystem() {
        // the temporary folder of the build machine decides; on Windows the profile's ACLs do this job
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "no POSIX permissions");
    }

    @Test
    void startCreatesTheConfigAndDataFoldersOwnerOnlyAndTightensExistingOnes() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/bundle")).getParent();
        ProfileDirectories profile = ProfileDirectories.under(dir.resolve("profile"));
        SwitchboardRuntime runtime = new SwitchboardRuntime(home, CommandLine.parse("--headless"), profile);
        runtime.start();
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.config())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.data())));
        } finally {
            assertTrue(runtime.stop(10_000));
        }

        Files.setPosixFilePermissions(profile.config(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(profile.data(), PosixFilePermissions.fromString("rwxr-xr-x"));
        SwitchboardRuntime again = new SwitchboardRuntime(home, CommandLine.parse("--headless"), profile);
        again.start();
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.config())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(profile.data())));
        } finally {
            assertTrue(again.stop(10_000));
        }
    }

    @Test
    void restrictTightensAWideOpenFolderAndTheOwnerStillUsesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config"));
        Path store = Files.writeString(folder.resolve("network.config"), "secret");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(OwnerOnlyFolder.restrict(folder));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("secret", Files.readString(store), "the owner still reads and writes inside");
    }
}
