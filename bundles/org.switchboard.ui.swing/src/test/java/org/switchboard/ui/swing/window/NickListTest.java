package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Font;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.api.session.Member;

/** The nick list's cells have one fixed size, room for a long nick, following the list's font. */
class NickListTest {

    private static Dimension preferredCell(NickList list, Member member) {
        return list.getCellRenderer().getListCellRendererComponent(list, member, 0, false, false).getPreferredSize();
    }

    @Test
    void cellsHaveAFixedSizeWithRoomForALongNick() {
        NickList list = new NickList();
        Member longNick = new Member("WWWWWWWWWWWW", "@", null, null, null, null, false);
        list.show(List.of(longNick, new Member("ann", "", null, null, null, null, false)));
        assertTrue(list.getFixedCellHeight() > 0, "fixed height " + list.getFixedCellHeight());
        assertTrue(list.getFixedCellWidth() >= preferredCell(list, longNick).width,
                "fixed width " + list.getFixedCellWidth() + " for a 12-character nick");
    }

    @Test
    void aNewLookAndFeelMeasuresTheCellsAgainWithTheListsFont() {
        NickList list = new NickList();
        int before = list.getFixedCellHeight();
        list.setFont(list.getFont().deriveFont(Font.PLAIN, list.getFont().getSize2D() * 2));
        list.updateUI();
        assertTrue(list.getFixedCellHeight() > before, "cell height " + before + " -> " + list.getFixedCellHeight());
    }
}
