package org.switchboard.launcher;

import java.nio.file.Path;

/** The profile is held by another running client; {@link #configFolder()} is where to reach it. */
final class ProfileInUseException extends StartRefusedException {

    private static final long serialVersionUID = 1L;

    private final transient Path configFolder;
    private final String holder;
    private final boolean holderWindowed;

    ProfileInUseException(Path configFolder, String holder, boolean holderWindowed) {
        super("the profile " + configFolder + " is in use by another Switchboard (" + holder + "). Close that one "
                + "first, or start this one with its own profile: --profile DIR.");
        this.configFolder = configFolder;
        this.holder = holder;
        this.holderWindowed = holderWindowed;
    }

    /** True when the holder said it shows a window, so that it opens a door for a hand-over once that is up. */
    boolean holderWindowed() {
        return holderWindowed;
    }

    Path configFolder() {
        return configFolder;
    }

    /** "process 1234", "another process" or "this process". */
    String holder() {
        return holder;
    }
}
