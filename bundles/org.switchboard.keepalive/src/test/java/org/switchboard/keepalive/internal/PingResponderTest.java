package org.switchboard.keepalive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.protocol.internal.IrcProtocolComponent;

class PingResponderTest {

    private static final IrcProtocolComponent PROTOCOL = new IrcProtocolComponent();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PING :token-1|PONG token-1",
        "PING token-1|PONG token-1",
        "PING :two words|PONG :two words",
        "@time=2026-01-01T00:00:00.000Z;msgid=x PING :tagged|PONG tagged",
        ":irc.example.org PING :from-server|PONG from-server",
        "@a=b :irc.example.org PING irc.example.org :both|PONG irc.example.org both",
        "PING :|PONG :"
    })
    void answersWithTheSameParameters(String ping, String expectedPong) {
        FakeConnection connection = new FakeConnection();
        IrcMessage message = PROTOCOL.parse(ping);
        new PingResponder().onMessage(connection, message);
        assertEquals(1, connection.sent.size());
        IrcMessage pong = connection.sent.get(0);
        assertEquals("PONG", pong.command());
        assertEquals(message.params(), pong.params());
        assertEquals(Map.of(), pong.tags());
        assertNull(pong.source());
        assertEquals(PROTOCOL.parse(expectedPong).params(), PROTOCOL.parse(PROTOCOL.serialize(pong)).params());
    }

    @ParameterizedTest
    @CsvSource({"PONG :x", "PRIVMSG #c :PING"})
    void ignoresEverythingElse(String line) {
        FakeConnection connection = new FakeConnection();
        new PingResponder().onMessage(connection, PROTOCOL.parse(line));
        assertTrue(connection.sent.isEmpty());
        assertEquals(List.of(), connection.sent);
    }
}
