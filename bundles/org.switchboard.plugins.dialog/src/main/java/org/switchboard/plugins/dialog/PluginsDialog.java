package org.switchboard.plugins.dialog;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableCellRenderer;

import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginManager;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;
import org.switchboard.api.plugins.PluginState;
import org.switchboard.api.ui.PlainText;

/**
 * The Plugins dialog: every feature and skin (the core on request) with its state, origin, failure count and
 * problems; install from a file, start, stop, update, uninstall. All of it goes through the {@link PluginManager}
 * service: the dialog holds no bundle logic.
 *
 * <p>Threads: the list is read on a thread of the dialog's own (never the event thread, never the window's input
 * thread, which a blocking command may hold) a few times a second, and the table is only touched when the list
 * changed. Operations run on the manager's thread; their outcome comes back here through {@code invokeLater} and is
 * dropped if the dialog is gone by then — which happens when an operation stops or swaps the skin whose window owns
 * this dialog: that window is disposed with its bundle, and this dialog with it (the next skin offers the action
 * again, and the dialog opens over its window).
 */
final class PluginsDialog extends JDialog {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(PluginsDialog.class.getName());
    static final String TITLE = "Plugins — Switchboard";
    private static final int REFRESH_MILLIS = 250;

    private final transient Supplier<Optional<PluginManager>> manager;
    private final transient ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "switchboard-ui-plugins");
        thread.setDaemon(true);
        return thread;
    });
    private final PluginTableModel model = new PluginTableModel();
    private final JTable table = new JTable(model);
    private final JButton install = button("Install from file…", "plugins.install", this::installFromFile);
    private final JButton start = button("Start", "plugins.start", this::startSelected);
    private final JButton stop = button("Stop", "plugins.stop", this::stopSelected);
    private final JButton update = button("Update", "plugins.update", this::updateSelected);
    private final JButton uninstall = button("Uninstall", "plugins.uninstall", this::uninstallSelected);
    private final JCheckBox showCore = new JCheckBox("Show core bundles");
    private final JLabel status = PlainText.protect(new JLabel(" "));
    private final JTextArea details = new JTextArea(6, 60);
    private final Timer timer = new Timer(REFRESH_MILLIS, e -> refresh());
    private boolean reading;
    private boolean busy;

    /**
     * Brings the skin window's Plugins dialog to the front, opening it first if needed; returns it. On the event
     * thread.
     */
    static PluginsDialog show(Window owner, Supplier<Optional<PluginManager>> manager) {
        for (Window window : owner.getOwnedWindows()) {
            if (window instanceof PluginsDialog dialog && dialog.isDisplayable()) {
                dialog.toFront();
                return dialog;
            }
        }
        PluginsDialog dialog = new PluginsDialog(owner, manager);
        dialog.setVisible(true);
        return dialog;
    }

    private PluginsDialog(Window owner, Supplier<Optional<PluginManager>> manager) {
        super(owner, TITLE, ModalityType.MODELESS);
        this.manager = manager;
        setName("plugins.dialog");

        table.setName("plugins.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        PlainText.protect(table);
        PlainText.protect((JComponent) table.getDefaultRenderer(Object.class));
        PlainText.protect((JComponent) table.getDefaultRenderer(Long.class));
        table.getColumnModel().getColumn(PluginTableModel.COLUMNS.length - 1).setCellRenderer(new ProblemRenderer());
        int[] widths = { 190, 250, 115, 62, 75, 62, 60, 386 };
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                selectionChanged();
            }
        });

        details.setName("plugins.details");
        details.setEditable(false);
        details.setLineWrap(true);
        details.setWrapStyleWord(true);
        details.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));

        showCore.setName("plugins.showCore");
        showCore.addActionListener(e -> {
            long selected = selectedId();
            model.setShowCore(showCore.isSelected());
            reselect(selected);
        });
        status.setName("plugins.status");
        status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));

        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), new JScrollPane(details));
        split.setResizeWeight(0.75);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        buttons.add(install);
        buttons.add(start);
        buttons.add(stop);
        buttons.add(update);
        buttons.add(uninstall);
        buttons.add(showCore);
        JPanel south = new JPanel(new BorderLayout());
        south.add(buttons, BorderLayout.NORTH);
        south.add(status, BorderLayout.SOUTH);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        setSize(new Dimension(1200, 560));
        setLocationRelativeTo(owner);

        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                // Also when the owner window goes with its bundle: the owner's dispose disposes this dialog.
                timer.stop();
                reader.shutdown();
            }
        });
        updateButtons();
        timer.setCoalesce(true);
        timer.start();
        refresh();
    }

    // ---------------------------------------------------------------- the list

    /** Reads the list off the event thread unless a read is under way; on the event thread. */
    private void refresh() {
        if (reading || !isDisplayable()) {
            return;
        }
        Optional<PluginManager> m = manager.get();
        if (m.isEmpty()) {
            if (model.update(List.of())) {
                selectionChanged();
            }
            showStatus("The plugin manager (org.switchboard.plugins) is not running, so plugins cannot be managed here",
                    true);
            return;
        }
        reading = true;
        try {
            reader.execute(() -> {
                List<PluginInfo> plugins = read(m.get());
                SwingUtilities.invokeLater(() -> {
                    reading = false;
                    if (plugins != null && isDisplayable()) {
                        show(plugins);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            reading = false;
        }
    }

    private static List<PluginInfo> read(PluginManager m) {
        try {
            return m.plugins();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not read the plugins", e);
            return null;
        }
    }

    private void show(List<PluginInfo> plugins) {
        long selected = selectedId();
        if (model.update(plugins)) {
            reselect(selected);
        }
    }

    private void reselect(long id) {
        int row = model.rowOf(id);
        if (row >= 0) {
            table.getSelectionModel().setSelectionInterval(row, row);
        }
        selectionChanged();
    }

    private PluginInfo selected() {
        int row = table.getSelectedRow();
        return row < 0 || row >= model.getRowCount() ? null : model.plugin(row);
    }

    private long selectedId() {
        PluginInfo p = selected();
        return p == null ? -1 : p.id();
    }

    private void selectionChanged() {
        PluginInfo p = selected();
        details.setText(p == null ? "" : describe(p));
        details.setCaretPosition(0);
        updateButtons();
    }

    private static String describe(PluginInfo p) {
        StringBuilder text = new StringBuilder()
                .append(PluginTableModel.display(p.name())).append(" — ").append(PluginTableModel.display(p.symbolicName())).append(' ')
                .append(PluginTableModel.display(p.version())).append(" (bundle ").append(p.id()).append(")\n")
                .append(PluginTableModel.role(p.role())).append(", ")
                .append(PluginTableModel.state(p.state()).toLowerCase(java.util.Locale.ROOT)).append(", from ")
                .append(PluginTableModel.origin(p.origin())).append(": ").append(PluginTableModel.display(p.location()))
                .append('\n').append("Callback failures: ").append(p.callbackFailures()).append('\n');
        if (p.isProtected()) {
            text.append("Part of the client's core: the client cannot work without it, so it cannot be stopped, "
                    + "updated or uninstalled here.\n");
        }
        for (PluginProblem problem : p.problems()) {
            text.append("• ").append(PluginTableModel.display(problem.message())).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private void updateButtons() {
        PluginInfo p = selected();
        boolean ready = !busy && manager.get().isPresent();
        boolean running = p != null && (p.state() == PluginState.ACTIVE || p.state() == PluginState.STARTING);
        boolean changeable = ready && p != null && !p.isProtected();
        install.setEnabled(ready);
        start.setEnabled(ready && p != null && !running);
        stop.setEnabled(changeable && running);
        update.setEnabled(changeable);
        uninstall.setEnabled(changeable);
        String why = p != null && p.isProtected() ? "Part of the client's core" : null;
        stop.setToolTipText(why);
        update.setToolTipText(why);
        uninstall.setToolTipText(why);
    }

    // ---------------------------------------------------------------- operations

    private void installFromFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Install a plugin bundle");
        chooser.setFileFilter(new FileNameExtensionFilter("Bundle jars (*.jar)", "jar"));
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        installFrom(chooser.getSelectedFile().toPath());
    }

    /** Installs a jar through the manager (copied into plugins/, then started). */
    private void installFrom(Path jar) {
        run("Installing " + jar.getFileName(), m -> m.install(jar), p -> "Installed " + p.symbolicName() + " "
                + p.version() + " into the plugins folder" + (p.state() == PluginState.ACTIVE ? " and started it" : ""));
    }

    private void startSelected() {
        PluginInfo p = selected();
        if (p == null) {
            return;
        }
        boolean swap = p.role() == PluginRole.UI_SKIN && p.state() != PluginState.ACTIVE;
        run(swap ? "Switching to " + p.symbolicName() + "; this window closes once it runs" : "Starting " + p.symbolicName(),
                m -> m.start(Long.toString(p.id())), done -> done.state() == PluginState.ACTIVE
                        ? "Started " + done.symbolicName() : done.symbolicName() + " is " + stateWord(done));
    }

    private void stopSelected() {
        PluginInfo p = selected();
        if (p == null || !confirmLosingThisWindow(p, "Stop")) {
            return;
        }
        run("Stopping " + p.symbolicName(), m -> m.stop(Long.toString(p.id())),
                done -> "Stopped " + done.symbolicName());
    }

    private void updateSelected() {
        PluginInfo p = selected();
        if (p == null) {
            return;
        }
        run("Updating " + p.symbolicName(), m -> m.update(Long.toString(p.id())),
                done -> "Updated " + done.symbolicName() + " to " + done.version());
    }

    private void uninstallSelected() {
        PluginInfo p = selected();
        if (p == null || !confirmLosingThisWindow(p, "Uninstall")) {
            return;
        }
        run("Uninstalling " + p.symbolicName(), m -> m.uninstall(Long.toString(p.id())),
                done -> "Uninstalled " + done.symbolicName() + (done.origin() == PluginOrigin.BUNDLE_FOLDER ? " until the next start (it ships in the installation's bundle/ folder)" : ""));
    }

    /** Stopping the skin this dialog belongs to closes the window: ask first. */
    private boolean confirmLosingThisWindow(PluginInfo p, String verb) {
        if (!showsThisWindow(p)) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(this, verb + " " + p.symbolicName() + "? It is the skin showing "
                + "this window: the window closes and the client keeps running without one, still connected, until "
                + "a skin is started again (from the shell: irc:plugin start " + p.symbolicName() + ").",
                verb + " this skin", JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        return answer == JOptionPane.OK_OPTION;
    }

    /**
     * Whether the plugin is the skin whose window owns this dialog. Skins replace one another when started, so the
     * running skin is the one showing the window.
     */
    private static boolean showsThisWindow(PluginInfo p) {
        return p.role() == PluginRole.UI_SKIN && p.state() == PluginState.ACTIVE;
    }

    private void run(String doing, Function<PluginManager, CompletionStage<PluginInfo>> operation,
            Function<PluginInfo, String> done) {
        Optional<PluginManager> m = manager.get();
        if (m.isEmpty()) {
            showStatus("The plugin manager is not running", true);
            return;
        }
        busy = true;
        updateButtons();
        showStatus(PluginTableModel.display(doing) + "…", false);
        operation.apply(m.get()).whenComplete((plugin, failure) -> SwingUtilities.invokeLater(() -> {
            if (!isDisplayable()) {
                return;
            }
            busy = false;
            if (failure == null) {
                showStatus(PluginTableModel.display(done.apply(plugin)), false);
            } else {
                showStatus(PluginTableModel.display(message(failure)), true);
            }
            updateButtons();
            refresh();
        }));
    }

    /** The manager's message for the user; never a stack trace. */
    static String message(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof PluginException) {
            return cause.getMessage();
        }
        return "Failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String stateWord(PluginInfo p) {
        return PluginTableModel.state(p.state()).toLowerCase(java.util.Locale.ROOT);
    }

    private void showStatus(String text, boolean error) {
        status.setText(text.isEmpty() ? " " : text);
        status.setForeground(error ? errorColour() : UIManager.getColor("Label.foreground"));
    }

    private static Color errorColour() {
        Color red = UIManager.getColor("Actions.Red");
        return red == null ? Color.RED.darker() : red;
    }

    private static JButton button(String label, String name, Runnable action) {
        JButton button = new JButton(label);
        button.setName(name);
        button.addActionListener(e -> action.run());
        return button;
    }

    /** Problems in the error colour, so a broken plugin stands out in the list. */
    private static final class ProblemRenderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        ProblemRenderer() {
            PlainText.protect(this);
        }

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            if (!selected) {
                setForeground(errorColour());
            }
            return this;
        }
    }
}
