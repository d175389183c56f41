package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;


import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.LineKind;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;

class FindBarTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();

    @Test
    void findsTheNewestMatchAboveTheStartIgnoringCaseAndFormatting() {
        SessionComponent session = new SessionComponent(protocol, 10_000);
        Buffer buffer = session.openQuery("net", "bob");
        for (int i = 0; i < 5000; i++) {
            session.appendInfo(buffer.id(), LineKind.INFO, i == 100 || i == 4000 ? "the \u0002Needle\u0002 here" : "hay " + i);
        }
        FindBar bar = new FindBar(null, protocol::stripFormatting);
        assertEquals(4000, bar.find(buffer, buffer.endLine(), "needle").seq());
        assertEquals(100, bar.find(buffer, 4000, "needle").seq());
        assertNull(bar.find(buffer, 100, "needle"));
        assertNull(bar.find(buffer, buffer.endLine(), "absent"));
    }
}
