package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DisplayCheckTest {

    @Test
    void theFirstVerdictCounts() throws InterruptedException {
        DisplayCheck check = new DisplayCheck();
        check.unusable("Can't connect to X11 window server using ':9' as the value of the DISPLAY variable.");
        // The warm-up reports "usable" again on its way out, whatever happened before.
        check.usable();
        assertEquals(Optional.of("Can't connect to X11 window server using ':9' as the value of the DISPLAY variable."),
                check.problem(Duration.ofSeconds(1)));
    }

    @Test
    void aUsableDisplayHasNoProblem() throws InterruptedException {
        DisplayCheck check = new DisplayCheck();
        check.usable();
        check.unusable("too late");
        assertEquals(Optional.empty(), check.problem(Duration.ofSeconds(1)));
    }

    @Test
    void aToolkitStillStartingIsGivenTheBenefitOfTheDoubt() throws InterruptedException {
        assertEquals(Optional.empty(), new DisplayCheck().problem(Duration.ofMillis(20)));
    }

    @Test
    void theExplanationSaysHowToRunWithoutAWindow() {
        String explained = DisplayCheck.explain("there is no display (DISPLAY is not set).");
        assertEquals("cannot open the window: there is no display (DISPLAY is not set). Start with --headless to run "
                + "without a window (the shell: --headless --console).", explained);
        assertTrue(explained.contains("--headless"));
    }
}
