package org.switchboard.session.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.FakeConnection;
import org.switchboard.session.SessionComponent;

class DiskLogTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @TempDir
    Path folder;

    private DiskLog log(int restore) {
        return new DiskLog(folder, restore, protocol::stripFormatting, ZoneOffset.UTC);
    }

    @Test
    void writesOneTimestampedLinePerMessageWithoutFormattingCodes() throws IOException {
        try (DiskLog log = log(10)) {
            log.lineAppended("net", "#Chan", BufferType.CHANNEL, 0, LineKind.MESSAGE, "alice", "\u0002hi\u0002 all", 0);
            log.lineAppended("net", "#Chan", BufferType.CHANNEL, 1000, LineKind.ACTION, "bob", "waves", 0);
            log.lineAppended("net", "#chan", BufferType.CHANNEL, 2000, LineKind.JOIN, "carol", "carol has joined", 0);
            log.lineAppended("net", "#chan", BufferType.CHANNEL, 3000, LineKind.NOTICE, "srv", "two\nlines", 0);
        }
        List<String> lines = Files.readAllLines(folder.resolve("net").resolve("#chan.log"), StandardCharsets.UTF_8);
        assertEquals(List.of("1970-01-01 00:00:00 <alice> hi all", "1970-01-01 00:00:01 * bob waves",
                "1970-01-01 00:00:02 -!- carol has joined", "1970-01-01 00:00:03 -srv- two lines"), lines);
    }

    @Test
    void restoresTheLastLinesAsTheyWereShown() {
        try (DiskLog log = log(100)) {
            for (int i = 0; i < 5; i++) {
                log.lineAppended("net", "bob", BufferType.QUERY, i * 1000L, LineKind.MESSAGE, "bob", "m" + i, 0);
            }
            log.lineAppended("net", "bob", BufferType.QUERY, 9000, LineKind.ACTION, "me", "smiles", 0);
        }
        try (DiskLog log = log(3)) {
            List<BufferLine> restored = log.restore("net", "BOB", BufferType.QUERY);
            assertEquals(List.of(new BufferLine(3000, LineKind.MESSAGE, "bob", "m3", 0),
                    new BufferLine(4000, LineKind.MESSAGE, "bob", "m4", 0),
                    new BufferLine(9000, LineKind.ACTION, "me", "smiles", 0)), restored);
            assertTrue(log.restore("net", "nobody", BufferType.QUERY).isEmpty());
        }
    }

    @Test
    void namesCannotLeaveTheLogFolder() {
        try (DiskLog log = log(0)) {
            Path file = log.file("../net", "#a/../../../etc/passwd");
            assertTrue(file.normalize().startsWith(folder), file.toString());
            assertEquals(folder.resolve("_._net").resolve("#a_.._.._.._etc_passwd.log"), file);
        }
    }

    @Test
    void aSessionRestoresItsChannelFromTheLogAfterARestart() {
        SessionComponent first = new SessionComponent(protocol, 1000, folder, 50);
        FakeConnection connection = new FakeConnection("net", protocol);
        first.bindConnection(connection);
        first.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        first.onMessage(connection, protocol.parse(":bob!b@h PRIVMSG #chan :before the restart"));
        first.deactivate();

        SessionComponent second = new SessionComponent(protocol, 1000, folder, 50);
        second.bindConnection(connection);
        second.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        Buffer channel = second.find("net", "#chan").orElseThrow();
        List<BufferLine> lines = channel.lines(channel.firstLine(), channel.endLine());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).has(BufferLine.HISTORY));
        assertEquals("before the restart", lines.get(1).text());
        assertEquals("bob", lines.get(1).nick());
        assertFalse(lines.get(2).has(BufferLine.HISTORY), "the new JOIN is live");
        assertEquals(0, channel.unreadCount(), "restored lines are not unread");
        second.deactivate();
    }

    @Test
    void highlightWordsMarkLines() {
        SessionComponent session = new SessionComponent(protocol, 1000);
        session.setHighlightWords(List.of("switchboard"));
        FakeConnection connection = new FakeConnection("net", protocol);
        session.bindConnection(connection);
        session.onMessage(connection, protocol.parse(":me!me@h JOIN #chan"));
        session.onMessage(connection, IrcMessage.of("PRIVMSG", "#chan", "I like Switchboard!").withSource("bob!b@h"));
        Buffer channel = session.find("net", "#chan").orElseThrow();
        assertEquals(1, channel.highlightCount());
    }
}
