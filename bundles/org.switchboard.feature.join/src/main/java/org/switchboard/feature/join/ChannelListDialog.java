package org.switchboard.feature.join;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;

import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.ui.PlainText;

/**
 * The channel list of one network: a filter line, a sortable table (click a header) and a status line. Rows
 * arrive from the {@link ChannelListing} in batches, taken by a timer every {@value #BATCH_MILLIS} ms while the
 * server is sending, so that a 50,000-channel list costs a few model updates a second, not one per channel; the
 * {@link ChannelTableModel} filters and sorts them. Double-click, Enter or the Join button joins the selected
 * channels. Cells are plain text: the renderers never interpret HTML. Event thread only; components are named
 * ({@code channels.table}, {@code channels.filter}, {@code channels.status}) for tests.
 */
final class ChannelListDialog {

    static final int BATCH_MILLIS = 200;
    private static final int FILTER_DELAY_MILLIS = 150;

    private final JDialog dialog;
    private final ChannelListing listing;
    private final IrcProtocol protocol;
    private final Consumer<List<String>> join;
    private final ChannelTableModel model = new ChannelTableModel();
    private final JTable table = new JTable(model);
    private final JTextField filterText = new JTextField(16);
    private final SpinnerNumberModel minUsers = new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 1);
    private final SpinnerNumberModel maxUsers = new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 1);
    private final JLabel status = PlainText.protect(new JLabel(" "));
    private final Timer batches = new Timer(BATCH_MILLIS, e -> takeBatch());
    private final Timer filterDelay = new Timer(FILTER_DELAY_MILLIS, e -> applyFilter());
    private final NumberFormat counts = NumberFormat.getIntegerInstance();
    private ChannelFilter filter = ChannelFilter.ALL;
    /** While a filter is being put into the fields, their listeners must not react. */
    private boolean settingFields;
    /** The server sent more rows than a listing keeps. */
    private boolean cut;

    /**
     * @param join    joins the channels (names as the server sent them); called on the event thread
     * @param refresh asks the server for the list again with these /list arguments; called on the event thread
     * @param closed  told when the user closed the dialog
     */
    ChannelListDialog(Window owner, String network, ChannelListing listing, IrcProtocol protocol,
            Consumer<List<String>> join, Consumer<String> refresh, Runnable closed) {
        this.listing = listing;
        this.protocol = protocol;
        this.join = join;
        dialog = new JDialog(owner, "Channel list \u2014 " + PlainText.line(network, 60));
        dialog.setName("channels.dialog");
        dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        dialog.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                stopTimers();
                closed.run();
            }
        });

        table.setName("channels.table");
        table.setFillsViewportHeight(true);
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        PlainTextRenderer plain = new PlainTextRenderer();
        table.setDefaultRenderer(String.class, plain);
        table.setDefaultRenderer(Object.class, plain);
        PlainText.protect(table);
        table.getColumnModel().getColumn(ChannelTableModel.NAME).setPreferredWidth(180);
        table.getColumnModel().getColumn(ChannelTableModel.USERS).setPreferredWidth(60);
        table.getColumnModel().getColumn(ChannelTableModel.USERS).setMaxWidth(90);
        table.getColumnModel().getColumn(ChannelTableModel.TOPIC).setPreferredWidth(480);
        table.getTableHeader().addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int column = table.columnAtPoint(e.getPoint());
                if (column >= 0) {
                    sortBy(table.convertColumnIndexToModel(column));
                }
            }
        });
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && table.rowAtPoint(e.getPoint()) >= 0) {
                    joinSelected();
                }
            }
        });
        table.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "join-selected");
        table.getActionMap().put("join-selected", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                joinSelected();
            }
        });

        filterText.setName("channels.filter");
        filterText.putClientProperty("JTextField.placeholderText", "words in name or topic, or #masks*");
        filterText.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                filterEdited();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                filterEdited();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                filterEdited();
            }
        });
        filterDelay.setRepeats(false);
        JSpinner min = countField(minUsers, "channels.minUsers");
        JSpinner max = countField(maxUsers, "channels.maxUsers");
        max.setToolTipText("0: no upper limit");
        minUsers.addChangeListener(e -> filterEdited());
        maxUsers.addChangeListener(e -> filterEdited());
        JButton again = new JButton("Refresh");
        again.setName("channels.refresh");
        again.setToolTipText("Ask the server for the list again, with this filter");
        again.addActionListener(e -> refresh.accept(filter.asArguments()));
        JButton joinButton = new JButton("Join");
        joinButton.setName("channels.join");
        joinButton.addActionListener(e -> joinSelected());

        JPanel range = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        range.add(new JLabel("Users from"));
        range.add(min);
        range.add(new JLabel("to"));
        range.add(max);
        range.add(again);
        JPanel filters = new JPanel(new BorderLayout(6, 0));
        filters.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 2));
        filters.add(new JLabel("Filter"), BorderLayout.WEST);
        filters.add(filterText, BorderLayout.CENTER);
        filters.add(range, BorderLayout.EAST);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(4, 8, 6, 8));
        status.setName("channels.status");
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(joinButton, BorderLayout.EAST);
        JPanel content = new JPanel(new BorderLayout());
        content.add(filters, BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        content.add(bottom, BorderLayout.SOUTH);
        dialog.setContentPane(content);
        dialog.setSize(new Dimension(760, 520));
        dialog.setLocationRelativeTo(owner);
    }

    private static JSpinner countField(SpinnerNumberModel model, String name) {
        JSpinner spinner = new JSpinner(model);
        spinner.setName(name);
        // Sized for the counts a channel has, not for the model's maximum.
        ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField().setColumns(5);
        return spinner;
    }

    /** A listing started: show the dialog and follow what arrives. */
    void follow() {
        if (!dialog.isVisible()) {
            dialog.setVisible(true);
        }
        status.setText("Listing\u2026");
        batches.start();
    }

    /** Puts a filter (typed after /list) into the fields. */
    void setFilter(ChannelFilter typed) {
        settingFields = true;
        try {
            filterText.setText(typed.text());
            minUsers.setValue(typed.minUsers());
            maxUsers.setValue(typed.maxUsers() == Integer.MAX_VALUE ? 0 : typed.maxUsers());
        } finally {
            settingFields = false;
        }
        filter = typed;
        installFilter();
    }

    void toFront() {
        dialog.toFront();
    }

    void dispose() {
        stopTimers();
        dialog.dispose();
    }

    private void stopTimers() {
        batches.stop();
        filterDelay.stop();
    }

    /** Takes what arrived since the last tick into the table: at most one model event per tick. */
    void takeBatch() {
        ChannelListing.Batch batch = listing.drain();
        if (batch.restart()) {
            model.clear();
        }
        cut = batch.cut();
        keepingSelection(() -> model.append(batch.entries()));
        if (batch.complete()) {
            batches.stop();
        }
        showStatus(batch.complete());
    }

    private void showStatus(boolean complete) {
        int total = model.total();
        int shown = model.getRowCount();
        String channels = counts.format(total) + (total == 1 ? " channel" : " channels")
                + (cut ? " (the server sent more; only these are kept)" : "");
        String text = complete ? channels : "Listing\u2026 " + channels;
        status.setText(shown == total ? text : text + ", " + counts.format(shown) + " shown");
    }

    private void filterEdited() {
        if (!settingFields) {
            filterDelay.restart();
        }
    }

    private void applyFilter() {
        filter = filter.withText(filterText.getText()).withUsers((Integer) minUsers.getValue(),
                (Integer) maxUsers.getValue());
        installFilter();
    }

    private void installFilter() {
        ChannelFilter now = filter;
        keepingSelection(() -> model.filter(now.showsEverything() ? entry -> true
                : entry -> now.matches(entry, protocol, listing.caseMapping())));
        showStatus(!listing.collecting());
    }

    /** Sorts by a column of the model, the other way round when it is the sort column already. */
    void sortBy(int column) {
        keepingSelection(() -> model.sortBy(column));
        for (int i = 0; i < model.getColumnCount(); i++) {
            table.getColumnModel().getColumn(table.convertColumnIndexToView(i)).setHeaderValue(model.header(i));
        }
        table.getTableHeader().repaint();
    }

    /** Runs a model change and selects the same channels again in their new rows. */
    private void keepingSelection(Runnable change) {
        List<ChannelEntry> selected = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            selected.add(model.entry(row));
        }
        change.run();
        for (ChannelEntry entry : selected) {
            int row = model.rowOf(entry);
            if (row >= 0) {
                table.addRowSelectionInterval(row, row);
            }
        }
    }

    private void joinSelected() {
        List<String> names = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            names.add(model.entry(row).name());
        }
        if (!names.isEmpty()) {
            join.accept(names);
        }
    }

    /** Cells as plain text: no HTML, no control characters, whatever the server sent. */
    private static final class PlainTextRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        PlainTextRenderer() {
            PlainText.protect(this);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean isSelected,
                boolean hasFocus, int row, int column) {
            return super.getTableCellRendererComponent(table, PlainText.line(String.valueOf(value), 400), isSelected,
                    hasFocus, row, column);
        }
    }
}
