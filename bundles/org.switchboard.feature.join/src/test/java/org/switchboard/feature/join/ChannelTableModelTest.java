package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The table's rows: batches merged into sort order, filters and sorting over all rows. */
class ChannelTableModelTest {

    private final ChannelTableModel model = new ChannelTableModel();

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (int row = 0; row < model.getRowCount(); row++) {
            names.add(model.entry(row).name());
        }
        return names;
    }

    private static ChannelEntry entry(String name, int users) {
        return new ChannelEntry(name, users, "about " + name);
    }

    @Test
    void batchesAreMergedIntoTheSortOrderMostUsersFirstThenByName() {
        model.append(List.of(entry("#b", 5), entry("#d", 1), entry("#a", 5)));
        model.append(List.of(entry("#c", 9), entry("#e", 5)));
        assertEquals(List.of("#c", "#a", "#b", "#e", "#d"), names());
        assertEquals("Users \u25BE", model.getColumnName(ChannelTableModel.USERS));
        assertEquals("Channel", model.getColumnName(ChannelTableModel.NAME));
    }

    @Test
    void aClickOnAColumnSortsByItAndASecondClickTurnsTheOrder() {
        model.append(List.of(entry("#b", 5), entry("#C", 1), entry("#a", 7)));
        model.sortBy(ChannelTableModel.NAME);
        assertEquals(List.of("#a", "#b", "#C"), names(), "names ascending, regardless of case");
        assertEquals("Channel \u25B4", model.header(ChannelTableModel.NAME));
        model.sortBy(ChannelTableModel.NAME);
        assertEquals(List.of("#C", "#b", "#a"), names());
        model.sortBy(ChannelTableModel.USERS);
        assertEquals(List.of("#a", "#b", "#C"), names(), "counts start with the largest");
        model.append(List.of(entry("#z", 6)));
        assertEquals(List.of("#a", "#z", "#b", "#C"), names(), "later batches follow the chosen order");
    }

    @Test
    void aFilterShowsPassingRowsOfEveryBatchAndTheTotalCountsAll() {
        model.append(List.of(entry("#java", 50), entry("#go", 10)));
        model.filter(e -> e.users() > 20);
        assertEquals(List.of("#java"), names());
        model.append(List.of(entry("#rust", 30), entry("#c", 3)));
        assertEquals(List.of("#java", "#rust"), names());
        assertEquals(4, model.total());
        ChannelEntry rust = model.entry(1);
        assertEquals(1, model.rowOf(rust));
        model.filter(e -> true);
        assertEquals(1, model.rowOf(rust));
        assertEquals(-1, model.rowOf(entry("#rust", 30)), "the very entry, not an equal one");
        model.clear();
        assertEquals(0, model.getRowCount());
        assertEquals(0, model.total());
    }
}
