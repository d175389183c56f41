package org.switchboard.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.session.BufferType;

class ShellCommandsTest {

    private final ShellFixture fixture = new ShellFixture();
    private final ShellCommands shell = fixture.shell;
    private FakeConnection libera;

    @BeforeEach
    void oneNetwork() {
        libera = fixture.addConnection("libera");
        fixture.receive(libera, ":me!me@client.example JOIN #chan");
        fixture.provide("join", fixture.join);
        fixture.provide("part", fixture.part);
    }

    private static String message(Throwable t) {
        return t.getMessage();
    }

    @Test
    void networksShowsStateNickAndLag() {
        libera.lag = 42;
        FakeConnection oftc = fixture.addConnection("oftc");
        oftc.state = ConnectionState.WAITING_TO_RECONNECT;
        String[] lines = shell.networks().split(System.lineSeparator());
        assertEquals(3, lines.length);
        assertEquals(List.of("NETWORK", "STATE", "NICK", "LAG"), List.of(lines[0].split(" +")));
        assertEquals(List.of("libera", "CONNECTED", "me", "42", "ms"), List.of(lines[1].split(" +")));
        assertEquals(List.of("oftc", "WAITING_TO_RECONNECT", "me", "-"), List.of(lines[2].split(" +")));
    }

    @Test
    void networksWithoutAnySaysHowToAddOne() {
        fixture.removeConnection(libera);
        assertTrue(shell.networks().startsWith("No networks configured"), shell.networks());
    }

    @Test
    void connectByNameConnectsThatNetwork() {
        libera.state = ConnectionState.DISCONNECTED;
        assertEquals("Connecting to libera", shell.connect("LIBERA"));
        assertEquals(1, libera.connects);
        libera.state = ConnectionState.CONNECTED;
        assertEquals("libera is already connected", shell.connect("libera"));
        assertEquals(1, libera.connects);
    }

    @Test
    void connectToAnUnknownNameListsTheNetworks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shell.connect("efnet"));
        assertEquals("No network named 'efnet' (networks: libera); give an irc:// or ircs:// URL to add one",
                message(e));
    }

    @Test
    void disconnectWithoutNameTakesTheOnlyNetwork() {
        assertEquals("Disconnected from libera", shell.disconnect());
        assertEquals(List.of("null"), libera.disconnects);
    }

    @Test
    void disconnectNamesANetworkAndGivesAReason() {
        fixture.addConnection("oftc");
        assertThrows(IllegalArgumentException.class, shell::disconnect);
        shell.disconnect("libera", "time", "for", "bed");
        assertEquals(List.of("time for bed"), libera.disconnects);
        libera.state = ConnectionState.DISCONNECTED;
        assertEquals("libera is not connected",
                message(assertThrows(IllegalStateException.class, () -> shell.disconnect("libera"))));
    }

    @Test
    void joinRunsTheJoinCommandOfTheFeatureBundle() {
        assertNull(shell.join("#java"));
        shell.join("rust", "secret");
        assertEquals(List.of(IrcMessage.of("JOIN", "#java"), IrcMessage.of("JOIN", "#rust", "secret")), libera.sent);
    }

    @Test
    void joinAndPartStopWorkingWhenNoBundleProvidesThem() {
        fixture.withdraw("join", fixture.join);
        fixture.withdraw("part", fixture.part);
        assertEquals("No bundle provides /join right now",
                message(assertThrows(IllegalStateException.class, () -> shell.join("#java"))));
        assertEquals("No bundle provides /part right now",
                message(assertThrows(IllegalStateException.class, () -> shell.part("#chan"))));
        assertTrue(libera.sent.isEmpty());
        fixture.provide("join", fixture.join);
        shell.join("#java");
        assertEquals(List.of(IrcMessage.of("JOIN", "#java")), libera.sent);
    }

    @Test
    void theCommandsErrorFailsTheShellCommand() {
        libera.state = ConnectionState.DISCONNECTED;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> shell.join("#java"));
        assertTrue(message(e).startsWith("Not connected to libera"), message(e));
        assertTrue(libera.sent.isEmpty());
    }

    @Test
    void partWithReason() {
        shell.part("#chan", "see", "you");
        assertEquals(List.of(IrcMessage.of("PART", "#chan", "see you")), libera.sent);
    }

    @Test
    void withSeveralNetworksTheNetworkIsWrittenBeforeTheChannel() {
        FakeConnection oftc = fixture.addConnection("oftc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shell.join("#debian"));
        assertTrue(message(e).startsWith("Several networks are connected; name one as network/#channel"),
                message(e));
        shell.join("oftc/#debian");
        assertEquals(List.of(IrcMessage.of("JOIN", "#debian")), oftc.sent);
        assertTrue(libera.sent.isEmpty());
    }

    @Test
    void aSlashInAChannelNameIsNotANetwork() {
        shell.join("#a/b");
        assertEquals(List.of(IrcMessage.of("JOIN", "#a/b")), libera.sent);
    }

    @Test
    void saySendsTextToAJoinedChannelEvenWhenItStartsWithASlash() {
        shell.say("#chan", "hello", "world");
        shell.say("#chan", "/quit", "is", "what", "you", "type");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "hello world"),
                IrcMessage.of("PRIVMSG", "#chan", "/quit is what you type")), libera.sent);
    }

    @Test
    void sayToANickOpensAQuery() {
        shell.say("bob", "hi");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "bob", "hi")), libera.sent);
        assertEquals(BufferType.QUERY, fixture.session.find("libera", "bob").orElseThrow().type());
    }

    @Test
    void sayToAChannelNotJoinedOrWithoutTextFails() {
        assertEquals("Not in #other on libera; irc:join it first",
                message(assertThrows(IllegalStateException.class, () -> shell.say("#other", "hi"))));
        assertThrows(IllegalArgumentException.class, () -> shell.say("#chan"));
        assertTrue(libera.sent.isEmpty());
    }

    @Test
    void msgGoesThroughSlashMsgWhenProvidedAndDirectlyOtherwise() {
        fixture.provide("msg", fixture.msg);
        shell.msg("bob", "via", "command");
        fixture.withdraw("msg", fixture.msg);
        shell.msg("bob", "direct");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "bob", "via command"), IrcMessage.of("PRIVMSG", "bob", "direct")),
                libera.sent);
    }

    @Test
    void directMsgWhileDisconnectedFails() {
        libera.state = ConnectionState.DISCONNECTED;
        assertEquals("Not connected to libera",
                message(assertThrows(IllegalStateException.class, () -> shell.msg("bob", "hi"))));
    }

    @Test
    void rawParsesTheLineAndSendsIt() {
        shell.raw("PRIVMSG", "#chan", ":two", "words");
        assertEquals(List.of(IrcMessage.of("PRIVMSG", "#chan", "two words")), libera.sent);
    }

    @Test
    void rawTakesTheNetworkAsFirstWord() {
        FakeConnection oftc = fixture.addConnection("oftc");
        shell.raw("oftc", "PING", "x");
        assertEquals(List.of(IrcMessage.of("PING", "x")), oftc.sent);
    }

    @Test
    void rawRefusesMalformedLinesAndNoArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shell.raw(":prefix-only"));
        assertTrue(message(e).startsWith("Not sent, malformed IRC line: "), message(e));
        assertThrows(IllegalArgumentException.class, () -> shell.raw());
        assertTrue(libera.sent.isEmpty());
    }

    @Test
    void buffersListsTypeLinesAndUnread() {
        fixture.receive(libera, ":bob!b@h PRIVMSG #chan :one");
        fixture.receive(libera, ":bob!b@h PRIVMSG #chan :two");
        String table = shell.buffers();
        String chanRow = table.lines().filter(l -> l.contains("#chan")).findFirst().orElseThrow();
        List<String> cells = List.of(chanRow.split(" +"));
        assertEquals("libera", cells.get(0));
        assertEquals("channel", cells.get(2));
        long held = fixture.session.find("libera", "#chan").orElseThrow().endLine()
                - fixture.session.find("libera", "#chan").orElseThrow().firstLine();
        assertEquals(Long.toString(held), cells.get(3));
        assertEquals("2", cells.get(4));
        assertTrue(table.lines().anyMatch(l -> l.startsWith("libera") && l.contains("server")), table);
    }

    @Test
    void tailFormatsTheLastLines() {
        fixture.receive(libera, "@time=2026-03-01T09:05:00.000Z :bob!b@h PRIVMSG #chan :first");
        fixture.receive(libera, "@time=2026-03-01T09:06:00.000Z :bob!b@h PRIVMSG #chan :\u0002bold\u0002 hello");
        fixture.receive(libera, "@time=2026-03-01T09:07:00.000Z :bob!b@h PRIVMSG #chan :\u0001ACTION waves\u0001");
        fixture.receive(libera, "@time=2026-03-01T09:08:00.000Z :bob!b@h NOTICE #chan :heads up");
        assertEquals(String.join(System.lineSeparator(), "09:06 <bob> bold hello", "09:07 * bob waves",
                "09:08 -bob- heads up"), shell.tail("#chan", 3));
        assertTrue(shell.tail("libera/#chan").contains("09:05 <bob> first"));
    }

    @Test
    void tailOfAnUnknownBufferOrAZeroCountFails() {
        assertEquals("No buffer '#nope'; irc:buffers lists them",
                message(assertThrows(IllegalArgumentException.class, () -> shell.tail("#nope"))));
        assertThrows(IllegalArgumentException.class, () -> shell.tail("#chan", 0));
    }

    @Test
    void tailOfANameOpenOnTwoNetworksAsksWhichOne() {
        FakeConnection oftc = fixture.addConnection("oftc");
        fixture.receive(oftc, ":me!me@client.example JOIN #chan");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shell.tail("#chan"));
        assertEquals("'#chan' is open on several networks: write one of libera/#chan, oftc/#chan", message(e));
    }

    @Test
    void withoutTheSessionTheShellSaysSo() {
        shell.session = null;
        assertEquals("The session is not running",
                message(assertThrows(IllegalStateException.class, shell::buffers)));
    }
}
