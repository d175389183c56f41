package org.switchboard.launcher;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps other users out of a folder that holds credentials: the profile's config folder has ConfigAdmin's store
 * (network passwords) and the user's own network files. Applied at every start, so profiles made before, or
 * loosened by hand, are tightened again.
 */
final class OwnerOnlyFolder {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFolder() {
    }

    /**
     * Sets rwx------ where the file system has POSIX permissions; returns whether it did. Elsewhere (Windows) the
     * folder inherits the user profile's ACLs, which already keep other users out. A failure is logged, not
     * thrown: a client that cannot tighten its folder should still start.
     */
    static boolean restrict(Path folder) {
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (view == null) {
            return false;
        }
        try {
            view.setPermissions(OWNER_ONLY);
            return true;
        } catch (IOException | SecurityException e) {
            System.getLogger(OwnerOnlyFolder.class.getName()).log(Level.WARNING, "Could not make {0} readable by its owner only: {1}", folder, e.toString());
            return false;
        }
    }
}
