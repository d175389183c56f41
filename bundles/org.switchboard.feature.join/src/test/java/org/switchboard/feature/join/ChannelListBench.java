package org.switchboard.feature.join;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.swing.JTable;
import javax.swing.RowFilter;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.TableRowSorter;

import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeConnection;

/**
 * What a Libera-sized channel list costs: 50,000 RPL_LIST replies through the reader-thread listener, then into
 * the dialog's sorted table in batches on the event thread, then a filter and a re-sort over all rows. Reports CPU
 * time of the working thread (not wall clock: the build machine is shared) and allocation, next to the load
 * average; and, as the reference measured in the same run, the dialog's first design (a {@code TableRowSorter}
 * over a plain model) with the same rows, batches, filter and sort. Not a test: run it with a display (Xvfb is fine):
 *
 * <pre>
 * xvfb-run -a mvn -q -o -pl bundles/org.switchboard.feature.join test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test "-Dexec.args=-classpath %classpath org.switchboard.feature.join.ChannelListBench"
 * </pre>
 */
public final class ChannelListBench {

    private static final int CHANNELS = 50_000;
    /** Rows per batch: what arrives in one 200 ms tick at 25,000 replies a second. */
    private static final int BATCH = 5_000;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ChannelListBench() {
    }

    public static void main(String[] args) throws Exception {
        IrcProtocol protocol = new IrcProtocolComponent();
        List<IrcMessage> replies = replies(protocol);
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d (load average %s)%n", round, loadAverage());
            ChannelListing listing = readerSide(protocol, replies);
            eventThreadSide(protocol, listing);
        }
        for (int round = 1; round <= 3; round++) {
            rowSorterReference(protocol, replies);
        }
        System.exit(0);
    }

    private static List<IrcMessage> replies(IrcProtocol protocol) {
        Random random = new Random(42);
        String[] words = { "help", "java", "linux", "\u0002official\u0002", "\u000304news\u0003", "chat", "dev",
            "support", "gaming", "music", "ask", "don't ask to ask", "https://example.org", "\u00fcber", "\u65e5\u672c" };
        List<IrcMessage> lines = new ArrayList<>(CHANNELS);
        for (int i = 0; i < CHANNELS; i++) {
            StringBuilder topic = new StringBuilder("[+nt] ");
            for (int w = random.nextInt(12); w >= 0; w--) {
                topic.append(words[random.nextInt(words.length)]).append(' ');
            }
            int users = (int) Math.max(1, Math.round(Math.exp(random.nextDouble() * 8)));
            lines.add(protocol.parse(":irc.test 322 me #channel-" + Integer.toString(i, 36) + " " + users + " :"
                    + topic.toString().strip()));
        }
        return lines;
    }

    /** The reader thread's part: 321, 50,000 322s, 323 through the real listener. */
    private static ChannelListing readerSide(IrcProtocol protocol, List<IrcMessage> replies) {
        FakeConnection connection = new FakeConnection();
        ChannelListing listing = new ChannelListing();
        ListReplies listener = new ListReplies(protocol, network -> listing);
        listing.begin(CaseMapping.RFC1459);
        long id = Thread.currentThread().getId();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) THREADS;
        long bytes = allocation.getThreadAllocatedBytes(id);
        long cpu = THREADS.getCurrentThreadCpuTime();
        listener.onMessage(connection, protocol.parse(":irc.test 321 me Channel :Users Name"));
        for (IrcMessage reply : replies) {
            listener.onMessage(connection, reply);
        }
        listener.onMessage(connection, protocol.parse(":irc.test 323 me :End of /LIST"));
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        bytes = allocation.getThreadAllocatedBytes(id) - bytes;
        System.out.printf("  reader thread: %,d replies in %.1f ms CPU = %.2f us/reply, %,d B allocated/reply%n",
                replies.size(), cpu / 1e6, cpu / 1e3 / replies.size(), bytes / replies.size());
        return listing;
    }

    /** The event thread's part: the batches into the dialog's table, then a filter and a re-sort of all rows. */
    private static void eventThreadSide(IrcProtocol protocol, ChannelListing collected) throws Exception {
        List<ChannelEntry> rows = collected.drain().entries();
        ChannelListing listing = new ChannelListing();
        ChannelListDialog[] dialog = new ChannelListDialog[1];
        SwingUtilities.invokeAndWait(() -> dialog[0] = new ChannelListDialog(null, "bench", listing, protocol,
                channels -> { }, arguments -> { }, () -> { }));
        long total = 0;
        long worst = 0;
        int batches = 0;
        listing.begin(CaseMapping.RFC1459);
        for (int from = 0; from < rows.size(); from += BATCH) {
            for (ChannelEntry row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                listing.add(row);
            }
            if (from + BATCH >= rows.size()) {
                listing.end();
            }
            long cpu = onEventThread(dialog[0]::takeBatch);
            total += cpu;
            worst = Math.max(worst, cpu);
            batches++;
        }
        System.out.printf("  event thread: %d batches into the sorted table, %.1f ms CPU in all, worst batch %.1f ms%n",
                batches, total / 1e6, worst / 1e6);
        long filter = onEventThread(() -> dialog[0].setFilter(ChannelFilter.parse("java help").orElseThrow()));
        long mask = onEventThread(() -> dialog[0].setFilter(ChannelFilter.parse(">10 #channel-1*").orElseThrow()));
        long none = onEventThread(() -> dialog[0].setFilter(ChannelFilter.ALL));
        long sort = onEventThread(() -> dialog[0].sortBy(ChannelTableModel.NAME));
        System.out.printf("  event thread: filter on words %.1f ms, on a mask and users %.1f ms, cleared %.1f ms, "
                + "sort by name %.1f ms (CPU, %,d rows)%n", filter / 1e6, mask / 1e6, none / 1e6, sort / 1e6,
                rows.size());
        SwingUtilities.invokeAndWait(dialog[0]::dispose);
    }

    /**
     * The reference, the first design of the dialog: a plain table model under a {@link TableRowSorter} (with the
     * same comparators, sort keys and filter), fed the same batches.
     */
    private static void rowSorterReference(IrcProtocol protocol, List<IrcMessage> replies) throws Exception {
        List<ChannelEntry> rows = readerSideQuietly(protocol, replies).drain().entries();
        List<ChannelEntry> held = new ArrayList<>();
        AbstractTableModel model = new AbstractTableModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public int getRowCount() {
                return held.size();
            }

            @Override
            public int getColumnCount() {
                return 3;
            }

            @Override
            public Class<?> getColumnClass(int column) {
                return column == 1 ? Integer.class : String.class;
            }

            @Override
            public Object getValueAt(int row, int column) {
                ChannelEntry entry = held.get(row);
                return column == 0 ? entry.name() : column == 1 ? (Object) entry.users() : entry.topic();
            }
        };
        TableRowSorter<AbstractTableModel> sorter = new TableRowSorter<>(model);
        SwingUtilities.invokeAndWait(() -> {
            JTable table = new JTable(model);
            table.setRowSorter(sorter);
            sorter.setComparator(0, String.CASE_INSENSITIVE_ORDER);
            sorter.setComparator(2, String.CASE_INSENSITIVE_ORDER);
            sorter.setComparator(1, Comparator.<Integer>naturalOrder());
            sorter.setSortKeys(List.of(new RowSorter.SortKey(1, SortOrder.DESCENDING),
                    new RowSorter.SortKey(0, SortOrder.ASCENDING)));
        });
        long total = 0;
        long worst = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<ChannelEntry> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            long cpu = onEventThread(() -> {
                int first = held.size();
                held.addAll(batch);
                model.fireTableRowsInserted(first, held.size() - 1);
            });
            total += cpu;
            worst = Math.max(worst, cpu);
        }
        ChannelFilter words = ChannelFilter.parse("java help").orElseThrow();
        long filter = onEventThread(() -> sorter.setRowFilter(new RowFilter<AbstractTableModel, Integer>() {
            @Override
            public boolean include(Entry<? extends AbstractTableModel, ? extends Integer> entry) {
                return words.matches(held.get(entry.getIdentifier()), protocol, CaseMapping.RFC1459);
            }
        }));
        long none = onEventThread(() -> sorter.setRowFilter(null));
        long sort = onEventThread(() -> sorter.setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.ASCENDING))));
        System.out.printf("reference, TableRowSorter (load average %s): batches %.1f ms CPU in all, worst batch %.1f ms; "
                + "filter on words %.1f ms, cleared %.1f ms, sort by name %.1f ms%n", loadAverage(), total / 1e6,
                worst / 1e6, filter / 1e6, none / 1e6, sort / 1e6);
    }

    private static ChannelListing readerSideQuietly(IrcProtocol protocol, List<IrcMessage> replies) {
        ChannelListing listing = new ChannelListing();
        ListReplies listener = new ListReplies(protocol, network -> listing);
        listing.begin(CaseMapping.RFC1459);
        FakeConnection connection = new FakeConnection();
        replies.forEach(reply -> listener.onMessage(connection, reply));
        return listing;
    }

    /** CPU time the event thread spent running {@code work}. */
    private static long onEventThread(Runnable work) throws Exception {
        long[] cpu = new long[1];
        SwingUtilities.invokeAndWait(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            work.run();
            cpu[0] = THREADS.getCurrentThreadCpuTime() - start;
        });
        return cpu[0];
    }

    private static String loadAverage() throws java.io.IOException {
        Path load = Path.of("/proc/loadavg");
        return Files.exists(load) ? Files.readString(load).split(" ")[0] : "?";
    }
}
