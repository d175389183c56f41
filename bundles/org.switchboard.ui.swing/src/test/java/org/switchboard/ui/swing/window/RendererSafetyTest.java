package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import javax.swing.tree.DefaultMutableTreeNode;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Member;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.session.SessionComponent;

/** Nicks and buffer names come from the network: the list and tree renderers must never render them as HTML. */
class RendererSafetyTest {

    private static final String EVIL = "<html><img src='http://evil.example/track.png'>";

    private static void assertNotHtml(Component component) {
        JLabel label = (JLabel) component;
        assertNull(label.getClientProperty(BasicHTML.propertyKey), "rendered as HTML: " + label.getText());
        assertFalse(BasicHTML.isHTMLString(label.getText()));
        String tip = label.getToolTipText();
        assertTrue(tip == null || !BasicHTML.isHTMLString(tip), "tooltip: " + tip);
    }

    @Test
    void nickListCellsShowHostileNicksAsText() {
        NickList list = new NickList();
        Member member = new Member(EVIL, "@", "<html>user", "<html>host", "<html>acct", "<html>real", true);
        list.show(List.of(member));
        Component cell = list.getCellRenderer().getListCellRendererComponent(list, member, 0, false, false);
        assertNotHtml(cell);
        assertTrue(((JLabel) cell).getText().contains("img src"), "the nick is still shown as text");
    }

    @Test
    void bufferTreeCellsShowHostileNamesAsText() {
        IrcProtocol protocol = new IrcProtocolComponent();
        SessionComponent session = new SessionComponent(protocol, 100);
        Buffer query = session.openQuery("net", EVIL);
        // The network's name as its server gives it (ISUPPORT NETWORK) is server text too.
        BufferTree tree = new BufferTree(b -> { }, network -> EVIL);
        tree.rebuild(session.buffers());
        Component cell = tree.getCellRenderer().getTreeCellRendererComponent(tree,
                new DefaultMutableTreeNode(query), false, false, true, 1, false);
        assertNotHtml(cell);
        assertTrue(Boolean.TRUE.equals(((JComponent) cell).getClientProperty("html.disable")));
        Buffer server = session.buffers().stream().filter(b -> b.type() == BufferType.SERVER).findFirst().orElseThrow();
        Component serverCell = tree.getCellRenderer().getTreeCellRendererComponent(tree,
                new DefaultMutableTreeNode(server), false, false, false, 0, false);
        assertNotHtml(serverCell);
        assertTrue(((JLabel) serverCell).getText().contains("img src"), "the network's name is still shown as text");
    }
}
