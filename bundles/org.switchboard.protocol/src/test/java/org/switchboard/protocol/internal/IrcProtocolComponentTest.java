package org.switchboard.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcDecoder;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.irc.ModeChange;

/** The service as other bundles use it, end to end through its interface. */
class IrcProtocolComponentTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @Test
    void isupportDrivesModeParsingAndCaseMapping() {
        Isupport isupport = protocol.newIsupport();
        isupport.apply(protocol.parse(":s 005 me PREFIX=(qov)~@+ CHANMODES=b,k,l,nt CASEMAPPING=ascii :are supported"));
        IrcMessage mode = protocol.parse(":op!o@h MODE #c +qlk-b owner 50 key *!*@x");
        List<ModeChange> changes = protocol.parseModes(mode.params().subList(1, mode.params().size()), isupport, true);
        assertEquals(List.of(new ModeChange(true, 'q', "owner"), new ModeChange(true, 'l', "50"),
                new ModeChange(true, 'k', "key"), new ModeChange(false, 'b', "*!*@x")), changes);
        assertEquals(CaseMapping.ASCII, isupport.caseMapping());
        assertTrue(protocol.maskMatches("*!*@X", "a!b@x", isupport.caseMapping()));
    }

    @Test
    void eachIsupportAndDecoderIsIndependent() {
        Isupport a = protocol.newIsupport();
        Isupport b = protocol.newIsupport();
        a.apply(protocol.parse(":s 005 me NICKLEN=5 :are supported"));
        assertTrue(b.nicklen().isEmpty());
        assertNotSame(protocol.newDecoder(StandardCharsets.ISO_8859_1), protocol.newDecoder(StandardCharsets.ISO_8859_1));
    }

    @Test
    void incomingActionWithFormattingAndServerTime() {
        List<IrcMessage> messages = new ArrayList<>();
        protocol.newDecoder(StandardCharsets.ISO_8859_1).decode(ByteBuffer.wrap(
                ("@time=2024-01-01T12:00:00.5Z :n!u@h PRIVMSG #c :\u0001ACTION \u0002waves\u0002\r\n")
                        .getBytes(StandardCharsets.UTF_8)), new IrcDecoder.Sink() {
                            @Override
                            public void message(IrcMessage message) {
                                messages.add(message);
                            }

                            @Override
                            public void malformed(String problem, String line) {
                                throw new AssertionError(problem);
                            }
                        });
        IrcMessage message = messages.get(0);
        assertEquals(Instant.parse("2024-01-01T12:00:00.500Z"), protocol.serverTime(message));
        CtcpMessage ctcp = protocol.parseCtcp(message.lastParam());
        assertEquals(new CtcpMessage("ACTION", "\u0002waves\u0002"), ctcp);
        assertEquals("waves", protocol.stripFormatting(ctcp.arguments()));
        assertEquals(1, protocol.parseFormatting(ctcp.arguments()).spans().size());
    }

    @Test
    void outgoingActionIsFramedSplitAndSerialised() {
        String text = protocol.formatCtcp("ACTION", "says " + "something long ".repeat(60));
        List<IrcMessage> parts = protocol.splitMessage(IrcMessage.of("PRIVMSG", "#c", text), "me!u@host", 512);
        assertTrue(parts.size() > 1);
        for (IrcMessage part : parts) {
            String line = protocol.serialize(part);
            assertTrue(line.startsWith("PRIVMSG #c :\u0001ACTION "), line);
            assertTrue(protocol.parseCtcp(protocol.parse(line).lastParam()).isAction());
        }
    }

    @Test
    void hostnames() {
        assertTrue(protocol.isValidHostname("irc.libera.chat"));
        assertEquals(false, protocol.isValidHostname("irc"));
    }
}
