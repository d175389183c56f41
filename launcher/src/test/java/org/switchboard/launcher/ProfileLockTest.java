package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLockTest {

    @TempDir
    Path config;

    @Test
    void oneHolderAtATimeAndTheProfileIsFreeAgainOnceClosed() throws Exception {
        try (ProfileLock first = ProfileLock.acquire(config)) {
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(config.resolve(ProfileLock.FILE_NAME), StandardCharsets.US_ASCII));
            StartRefusedException refused = assertThrows(StartRefusedException.class, () -> ProfileLock.acquire(config));
            assertEquals("the profile " + config + " is in use by another Switchboard (this process). Close that one "
                    + "first, or start this one with its own profile: --profile DIR.", refused.getMessage());
        }
        try (ProfileLock again = ProfileLock.acquire(config)) {
            assertTrue(Files.exists(config.resolve(ProfileLock.FILE_NAME)));
        }
    }

    @Test
    void aWindowedHolderSaysSoToTheNextStart() throws Exception {
        try (ProfileLock first = ProfileLock.acquire(config, true)) {
            ProfileInUseException refused = assertThrows(ProfileInUseException.class,
                    () -> ProfileLock.acquire(config, true));
            assertTrue(refused.holderWindowed());
        }
        try (ProfileLock headless = ProfileLock.acquire(config, false)) {
            // "this process": the same JVM holds it; the file still tells a headless holder
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(config.resolve(ProfileLock.FILE_NAME), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aLockFileLeftByACrashedClientDoesNotStopTheNext() throws IOException, StartRefusedException {
        // The file outlives a crash; only a live process's lock on it counts.
        Files.writeString(config.resolve(ProfileLock.FILE_NAME), "999999\n");
        try (ProfileLock lock = ProfileLock.acquire(config)) {
            assertEquals(ProcessHandle.current().pid() + "\n",
                    Files.readString(config.resolve(ProfileLock.FILE_NAME), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aRuntimeHoldsItsProfileUntilItStops() throws Exception {
        Path home = Files.createDirectories(config.resolve("home"));
        Files.createDirectories(home.resolve("bundle"));
        ProfileDirectories profile = ProfileDirectories.under(config.resolve("profile"));
        SwitchboardRuntime runtime = new SwitchboardRuntime(home, CommandLine.parse("--headless"), profile);
        runtime.start();
        try {
            SwitchboardRuntime second = new SwitchboardRuntime(home, CommandLine.parse("--headless"), profile);
            StartRefusedException refused = assertThrows(StartRefusedException.class, second::start);
            assertTrue(refused.getMessage().startsWith("the profile " + profile.config() + " is in use"),
                    refused.getMessage());
        } finally {
            runtime.stop(10_000);
        }
        SwitchboardRuntime third = new SwitchboardRuntime(home, CommandLine.parse("--headless"), profile);
        third.start();
        third.stop(10_000);
    }
}
