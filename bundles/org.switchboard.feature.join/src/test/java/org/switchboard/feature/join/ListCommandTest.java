package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeConnection;
import org.switchboard.testfakes.FakeDispatcher;
import org.switchboard.testfakes.FakeInvocation;

/** /list without a skin (headless, or the shell before a window opens): the answer goes to the server buffer. */
class ListCommandTest {

    private final FakeConnection connection = new FakeConnection();
    private final ChannelLists lists = new ChannelLists(new IrcProtocolComponent(), new FakeDispatcher(), null);
    private final ListCommand command = new ListCommand(lists);

    private FakeInvocation list(String arguments) {
        FakeInvocation invocation = new FakeInvocation("list", arguments, "testnet", connection);
        command.execute(invocation);
        return invocation;
    }

    @Test
    void withoutAWindowListIsSentAndTheUserToldWhereTheAnswerGoes() {
        FakeInvocation invocation = list("");
        assertEquals(List.of(IrcMessage.of("LIST")), connection.sent);
        assertEquals(1, invocation.replies.size());
        assertTrue(invocation.replies.get(0).contains("server buffer"), invocation.replies.get(0));
        lists.deactivate();
    }

    @Test
    void serverSideConditionsFollowTheServersElist() {
        connection.tokens.put("ELIST", "CMNTU");
        list(">99 *linux*");
        assertEquals(List.of(IrcMessage.of("LIST", "*linux*,>99")), connection.sent);
        lists.deactivate();
    }

    @Test
    void aBadCountOrNoConnectionIsExplainedAndNothingSent() {
        FakeInvocation bad = list(">many");
        assertTrue(bad.errors.get(0).startsWith("Usage: /list"), bad.errors.toString());
        connection.state = ConnectionState.DISCONNECTED;
        FakeInvocation offline = list("");
        assertTrue(offline.errors.get(0).contains("Not connected"), offline.errors.toString());
        connection.refuse = true;
        connection.state = ConnectionState.CONNECTED;
        FakeInvocation refused = list("");
        assertTrue(refused.errors.get(0).contains("refused"), refused.errors.toString());
        assertEquals(List.of(), connection.sent);
        lists.deactivate();
    }
}
