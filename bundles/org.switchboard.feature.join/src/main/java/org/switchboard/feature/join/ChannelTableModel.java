package org.switchboard.feature.join;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import javax.swing.table.AbstractTableModel;

/**
 * The rows of the channel list as the table shows them: filtered and sorted here, not by a {@code RowSorter}.
 * A {@code TableRowSorter} re-sorts every row whenever a batch is more than a tenth of what it shows and compares
 * boxed cell values through the model, which cost up to 110 ms per batch and 200 ms per re-sort at 50,000 rows
 * (see {@link ChannelListBench}); here a batch is filtered, sorted on its own and merged into the shown rows, and a
 * re-sort compares the entries directly. One table event per change. Event thread only.
 */
final class ChannelTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;
    static final int NAME = 0;
    static final int USERS = 1;
    static final int TOPIC = 2;
    private static final String[] COLUMNS = { "Channel", "Users", "Topic" };
    private static final Comparator<ChannelEntry> BY_NAME = Comparator.comparing(ChannelEntry::nameKey);

    /** Every row of the listing, in arrival order. */
    private final transient List<ChannelEntry> all = new ArrayList<>();
    /** The rows that pass the filter, in sort order. */
    private transient List<ChannelEntry> shown = new ArrayList<>();
    private transient Predicate<ChannelEntry> filter = entry -> true;
    private int sortColumn = USERS;
    private boolean ascending;
    private transient Comparator<ChannelEntry> order = order(USERS, false);

    void append(List<ChannelEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        all.addAll(batch);
        List<ChannelEntry> fresh = new ArrayList<>();
        for (ChannelEntry entry : batch) {
            if (filter.test(entry)) {
                fresh.add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(order);
        shown = merge(shown, fresh);
        fireTableDataChanged();
    }

    void clear() {
        all.clear();
        shown = new ArrayList<>();
        fireTableDataChanged();
    }

    /** Shows only the rows that pass. */
    void filter(Predicate<ChannelEntry> passes) {
        filter = passes;
        List<ChannelEntry> kept = new ArrayList<>();
        for (ChannelEntry entry : all) {
            if (passes.test(entry)) {
                kept.add(entry);
            }
        }
        kept.sort(order);
        shown = kept;
        fireTableDataChanged();
    }

    /** Sorts by a column, the other way round when it is the sort column already (a click on its header). */
    void sortBy(int column) {
        ascending = column == sortColumn ? !ascending : column != USERS;
        sortColumn = column;
        order = order(column, ascending);
        shown.sort(order);
        fireTableDataChanged();
    }

    /** Ties are ordered by name, so that equal counts read alphabetically. */
    private static Comparator<ChannelEntry> order(int column, boolean ascending) {
        Comparator<ChannelEntry> primary = switch (column) {
            case NAME -> BY_NAME;
            case USERS -> Comparator.comparingInt(ChannelEntry::users);
            default -> Comparator.comparing(ChannelEntry::topic, String.CASE_INSENSITIVE_ORDER);
        };
        return (ascending ? primary : primary.reversed()).thenComparing(BY_NAME);
    }

    private List<ChannelEntry> merge(List<ChannelEntry> sorted, List<ChannelEntry> fresh) {
        List<ChannelEntry> merged = new ArrayList<>(sorted.size() + fresh.size());
        int i = 0;
        int j = 0;
        while (i < sorted.size() && j < fresh.size()) {
            merged.add(order.compare(sorted.get(i), fresh.get(j)) <= 0 ? sorted.get(i++) : fresh.get(j++));
        }
        merged.addAll(sorted.subList(i, sorted.size()));
        merged.addAll(fresh.subList(j, fresh.size()));
        return merged;
    }

    /** Rows received, shown or not. */
    int total() {
        return all.size();
    }

    ChannelEntry entry(int row) {
        return shown.get(row);
    }

    /** The row showing this very entry, or -1. */
    int rowOf(ChannelEntry entry) {
        for (int row = 0; row < shown.size(); row++) {
            if (shown.get(row) == entry) {
                return row;
            }
        }
        return -1;
    }

    /** The header of a column, with an arrow on the sort column. */
    String header(int column) {
        return column != sortColumn ? COLUMNS[column] : COLUMNS[column] + (ascending ? " \u25B4" : " \u25BE");
    }

    @Override
    public int getRowCount() {
        return shown.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return header(column);
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == USERS ? Integer.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        ChannelEntry entry = shown.get(row);
        return switch (column) {
            case NAME -> entry.name();
            case USERS -> entry.users();
            default -> entry.topic();
        };
    }
}
