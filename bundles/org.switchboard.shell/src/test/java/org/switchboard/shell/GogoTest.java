package org.switchboard.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcMessage;

/** The commands as Gogo calls them: its method resolution, argument coercion and varargs. */
class GogoTest {

    private static final List<String> FUNCTIONS = List.of("networks", "connect", "disconnect", "join", "part",
            "say", "msg", "raw", "buffers", "tail");

    private final ShellFixture fixture = new ShellFixture();
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private FakeConnection libera;
    private CommandSession session;

    @BeforeEach
    void gogo() {
        libera = fixture.addConnection("libera");
        fixture.receive(libera, ":me!me@client.example JOIN #chan");
        fixture.provide("join", fixture.join);
        fixture.provide("part", fixture.part);
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        for (String function : FUNCTIONS) {
            processor.addCommand("irc", fixture.shell, function);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        session.close();
        threadIo.stop();
    }

    @Test
    void wordsOfTextArriveAsVarargs() throws Exception {
        session.execute("irc:say libera/#chan hello  brave new world");
        session.execute("irc:part '#chan' bye all");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "hello brave new world"),
                IrcMessage.of("PART", "#chan", "bye all")), libera.sent);
    }

    @Test
    void optionalArgumentsPickTheRightOverload() throws Exception {
        session.execute("irc:join java");
        session.execute("irc:join rust key");
        fixture.receive(libera, "@time=2026-03-01T09:05:00.000Z :bob!b@h PRIVMSG #chan :one");
        fixture.receive(libera, "@time=2026-03-01T09:06:00.000Z :bob!b@h PRIVMSG #chan :two");
        assertEquals("09:06 <bob> two", session.execute("irc:tail libera/#chan 1"));
        assertTrue(((String) session.execute("irc:tail libera/#chan")).contains("09:05 <bob> one"));
        assertEquals(List.of(IrcMessage.of("JOIN", "#java"), IrcMessage.of("JOIN", "#rust", "key")), libera.sent);
        assertTrue(((String) session.execute("irc:networks")).contains("CONNECTED"));
        session.execute("irc:disconnect");
        assertEquals(List.of("null"), libera.disconnects);
    }

    /** In Gogo an unquoted {@code #} starts a comment: join and part add it themselves, the others quote it. */
    @Test
    void channelsAreQuotedOrWrittenWithoutHash() throws Exception {
        session.execute("irc:join java");
        session.execute("irc:say '#chan' hi there");
        assertEquals(List.of(IrcMessage.of("JOIN", "#java"), IrcMessage.of("PRIVMSG", "#chan", "hi there")),
                libera.sent);
    }

    @Test
    void errorsReachTheShellUser() {
        fixture.withdraw("join", fixture.join);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> session.execute("irc:join java"));
        assertEquals("No bundle provides /join right now", e.getMessage());
    }
}
