package org.switchboard.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void everyOptionTogether() throws UsageException {
        LaunchOptions options = CommandLine.parse("--headless", "--console", "--profile", "/tmp/p", "--nick", "bob",
                "irc://127.0.0.1:6668/#a,#b", "ircs://irc.example.net");
        assertTrue(options.headless());
        assertTrue(options.console());
        assertEquals(Path.of("/tmp/p"), options.profile());
        assertEquals("bob", options.nick());
        assertEquals(List.of("irc://127.0.0.1:6668/#a,#b", "ircs://irc.example.net"), options.urls());
        assertFalse(options.help());
        assertFalse(options.installDesktopEntry());
        assertTrue(CommandLine.parse("--install-desktop-entry").installDesktopEntry());
    }

    @Test
    void relativeProfileBecomesAbsolute() throws UsageException {
        assertTrue(CommandLine.parse("--profile", "rel/dir").profile().isAbsolute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--frobnicate", "-x"})
    void unknownOptionIsRefused(String option) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(option));
        assertEquals("unknown option: " + option, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.net", "irc://", "irc://host:notaport/", "irc://host:70000/",
        "ircs:// spaced", "example.net", "irc:/nohost"})
    void malformedUrlIsRefused(String url) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(url));
        assertTrue(e.getMessage().startsWith("malformed URL: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ircs://alice:hunter2secret@bouncer.example:6697/#chan", "irc://hunter2secret@host",
        "irc://alice:hunter2secret@host:notaport/", "irc://alice:hunter2secret/x@host/#chan",
        "ircs://alice:hunter2secret#x@host"})
    void aUrlWithAPasswordIsRefusedWithoutRepeatingThePassword(String url) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(url));
        assertTrue(e.getMessage().startsWith("malformed URL: irc"), e.getMessage());
        assertTrue(e.getMessage().contains("***@"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2secret"), e.getMessage());
    }

    @Test
    void optionWithoutValueIsRefused() {
        assertEquals("--nick needs a value",
                assertThrows(UsageException.class, () -> CommandLine.parse("--nick")).getMessage());
        assertEquals("--profile needs a value",
                assertThrows(UsageException.class, () -> CommandLine.parse("--profile", "--headless")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "-abc", "a b", "a,b", "a!b", "#chan"})
    void invalidNickIsRefused(String nick) {
        assertThrows(UsageException.class, () -> CommandLine.parse("--nick", nick));
    }

    @Test
    void badCommandLinePrintsOneLineErrorAndUsageWithExitCode2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--bogus"}, new PrintStream(out), new PrintStream(err, true));
        assertEquals(2, code);
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("switchboard: unknown option: --bogus", lines[0]);
        assertTrue(lines[1].startsWith("Usage: switchboard"));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpAndVersionExitWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintStream(out, true), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--headless"));
        out.reset();
        assertEquals(0, Main.run(new String[] {"--version"}, new PrintStream(out, true), System.err));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("Switchboard \\d+\\.\\d+\\.\\d+.*\\R"),
                out.toString(StandardCharsets.UTF_8));
    }
}
