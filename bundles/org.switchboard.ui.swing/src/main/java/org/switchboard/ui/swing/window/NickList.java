package org.switchboard.ui.swing.window;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.util.List;

import javax.swing.AbstractListModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;

import org.switchboard.api.session.Member;
import org.switchboard.ui.swing.text.SafeText;

/** The members of the shown channel, as the session sorted them (rank, then name). Event thread only. */
final class NickList extends JList<Member> {

    private static final long serialVersionUID = 1L;

    /** The widest entry room is kept for. */
    private static final Member PROTOTYPE = new Member("@WWWWWWWWWWWW", "@", null, null, null, null, false);

    private final MemberModel members = new MemberModel();

    NickList() {
        setModel(members);
        setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        setCellRenderer(new Renderer());
        fixCellSize();
        SafeText.protect(this);
        ToolTipSupport.register(this);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        // Also called by JList's constructor, before our renderer is set.
        if (getCellRenderer() instanceof Renderer) {
            fixCellSize();
        }
    }

    /**
     * Fixed cell sizes, measured on the prototype entry: JList then never measures all of a 10,000-member list.
     * Not setPrototypeCellValue: it compares the new prototype with the old one, and the first equals of a record
     * is bootstrapped through method handles, which cost the window ~10 ms on its way to the screen.
     */
    private void fixCellSize() {
        Component cell = getCellRenderer().getListCellRendererComponent(this, PROTOTYPE, 0, false, false);
        Font own = cell.getFont();
        cell.setFont(getFont());
        Dimension size = cell.getPreferredSize();
        cell.setFont(own);
        setFixedCellWidth(size.width);
        setFixedCellHeight(size.height);
    }

    /** Replaces the whole list with one model event. */
    void show(List<Member> list) {
        members.replace(list);
    }

    List<Member> current() {
        return members.items;
    }

    static final class MemberModel extends AbstractListModel<Member> {
        private static final long serialVersionUID = 1L;
        private List<Member> items = List.of();

        void replace(List<Member> list) {
            int oldSize = items.size();
            items = List.copyOf(list);
            if (oldSize > 0) {
                fireIntervalRemoved(this, 0, oldSize - 1);
            }
            if (!items.isEmpty()) {
                fireIntervalAdded(this, 0, items.size() - 1);
            }
        }

        @Override
        public int getSize() {
            return items.size();
        }

        @Override
        public Member getElementAt(int index) {
            return items.get(index);
        }
    }

    private static final class Renderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        Renderer() {
            SafeText.protect(this);
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                boolean focus) {
            super.getListCellRendererComponent(list, "", index, selected, focus);
            if (value instanceof Member member) {
                char prefix = member.highestPrefix();
                setText(SafeText.display((prefix == 0 ? " " : String.valueOf(prefix)) + member.nick()));
                StringBuilder tip = new StringBuilder(member.nick());
                if (member.user() != null || member.host() != null) {
                    tip.append(" (").append(member.user()).append('@').append(member.host()).append(')');
                }
                if (member.account() != null) {
                    tip.append(" — account ").append(member.account());
                }
                if (member.away()) {
                    tip.append(" — away");
                }
                setToolTipText(SafeText.display(tip.toString()));
                if (member.away() && !selected) {
                    Color grey = UIManager.getColor("Label.disabledForeground");
                    setForeground(grey == null ? Color.GRAY : grey);
                }
            }
            return this;
        }
    }
}
