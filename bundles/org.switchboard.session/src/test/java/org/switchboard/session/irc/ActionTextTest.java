package org.switchboard.session.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CtcpMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;

/** The router cuts an ACTION's text from the bytes; the protocol's CTCP parser is the reference. */
class ActionTextTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    private void assertLikeTheParser(String text) {
        byte[] cut = MessageRouter.actionText(text.getBytes(StandardCharsets.UTF_8));
        CtcpMessage ctcp = protocol.parseCtcp(text);
        if (cut != null) {
            assertTrue(ctcp != null && ctcp.isAction(), text);
            assertEquals(ctcp.arguments(), new String(cut, StandardCharsets.UTF_8), text);
        } else {
            // not an ACTION, or one whose command is ACTION only when upper-cased beyond ASCII (left to the parser)
            int commandEnd = 1;
            while (commandEnd < text.length() && text.charAt(commandEnd) != ' ' && text.charAt(commandEnd) != 1) {
                commandEnd++;
            }
            boolean asciiCommand = text.substring(1, commandEnd).chars().allMatch(c -> c < 0x80);
            assertTrue(ctcp == null || !ctcp.isAction() || !asciiCommand, text);
        }
    }

    @Test
    void actionsAreCutLikeTheCtcpParserReadsThem() {
        for (String text : List.of("\u0001ACTION waves\u0001", "\u0001action waves", "\u0001AcTiOn x\u0001 after",
                "\u0001ACTION\u0001", "\u0001ACTION", "\u0001ACTION \u0001", "\u0001ACTION  two spaces\u0001",
                "\u0001ACTION caf\u00e9 \u4e2d \uD83D\uDC4D\u0001", "\u0001ACTIONS x\u0001", "\u0001ACTIO x",
                "\u0001VERSION\u0001", "\u0001PING 123\u0001", "\u0001\u0001", "\u0001 ACTION x",
                "\u0001ACT\u0001ION x", "\u0001ACT\u0131ON x\u0001")) {
            assertLikeTheParser(text);
        }
        assertEquals("waves", new String(MessageRouter.actionText("\u0001action waves".getBytes(
                StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertNull(MessageRouter.actionText("\u0001VERSION\u0001".getBytes(StandardCharsets.UTF_8)));
        String[] pieces = {"\u0001", "ACTION", "action", " ", "x", "\u00e9", "\u20ac", "VERSION", "\u0001ACTION "};
        Random random = new Random(3);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder("\u0001");
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertLikeTheParser(text.toString());
        }
    }
}
