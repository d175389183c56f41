package org.switchboard.ui.compact.view;

import java.util.List;

import javax.swing.AbstractListModel;

import org.switchboard.api.session.Member;

/** The shown channel's members; replaced as a whole, with at most two model events. Event thread only. */
final class MemberModel extends AbstractListModel<Member> {

    private static final long serialVersionUID = 1L;

    private transient List<Member> members = List.of();

    void replace(List<Member> fresh) {
        if (fresh.equals(members)) {
            return;
        }
        int oldSize = members.size();
        members = List.copyOf(fresh);
        if (oldSize > 0) {
            fireIntervalRemoved(this, 0, oldSize - 1);
        }
        if (!members.isEmpty()) {
            fireIntervalAdded(this, 0, members.size() - 1);
        }
    }

    @Override
    public int getSize() {
        return members.size();
    }

    @Override
    public Member getElementAt(int index) {
        return members.get(index);
    }
}
