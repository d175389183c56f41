package org.switchboard.connection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NewNetworkTest {

    private static IrcUrl address(String... arguments) {
        return NewNetwork.address(arguments);
    }

    @Test
    void hostsPortsAndTlsInTheWaysOtherClientsTakeThem() {
        assertEquals(new ServerAddress("irc.libera.chat", 6667, false), address("irc.libera.chat").server());
        assertEquals(new ServerAddress("irc.libera.chat", 6697, true), address("irc.libera.chat", "+6697").server());
        assertEquals(new ServerAddress("irc.libera.chat", 6697, true), address("irc.libera.chat:+6697").server());
        assertEquals(new ServerAddress("irc.libera.chat", 7000, false), address("irc.libera.chat", "7000").server());
        assertEquals(new ServerAddress("irc.libera.chat", 6697, true), address("-tls", "irc.libera.chat").server());
        assertEquals(new ServerAddress("irc.libera.chat", 7000, true), address("irc.libera.chat", "7000", "-ssl")
                .server());
        assertEquals(new ServerAddress("::1", 6667, false), address("[::1]").server());
        assertEquals(List.of(), address("irc.libera.chat").channels());
    }

    @Test
    void urlsBringTheirChannels() {
        IrcUrl url = address("ircs://irc.example.org:7001/java,%23kotlin");
        assertEquals(new ServerAddress("irc.example.org", 7001, true), url.server());
        assertEquals(List.of("#java", "#kotlin"), url.channels());
        assertTrue(address("-tls", "irc://irc.example.org/").server().tls(), "-tls asks for TLS on an irc:// URL");
    }

    @Test
    void whatNamesNoServerSaysWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address()).getMessage()
                .startsWith("give one server"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address("a", "6667", "b")).getMessage()
                .startsWith("give one server"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address("host:6667", "6697")).getMessage()
                .contains("has a port already"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address("irc://h/", "6697")).getMessage()
                .contains("in the URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address("-nossl", "h")).getMessage()
                .contains("unknown option"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> address("host", "66x")).getMessage()
                .contains("not a number"));
    }
}
