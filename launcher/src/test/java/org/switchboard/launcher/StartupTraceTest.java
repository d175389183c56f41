package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StartupTraceTest {

    @Test
    void ageIsUptimeMinusTheStartTickEvenWithParenthesesInTheCommandName() {
        String uptime = "1234.56 2400.00\n";
        // Field 22 (start time) is 120000 ticks = 1200 s after boot; the command name holds ") (".
        String stat = "4242 (java) (x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 120000 "
                + "4000000 900 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        assertEquals(34_560, StartupTrace.millisSinceStart(uptime, stat, 100));
    }

    @Test
    void thisProcessIsYoungerThanTheMachineAndOlderThanNothing() {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            assertEquals(-1, StartupTrace.millisSinceStartFromProc());
            return;
        }
        long age = StartupTrace.millisSinceStartFromProc();
        assertTrue(age > 0, "age " + age);
        assertTrue(age < 24L * 3600 * 1000, "age " + age);
    }
}
