package org.switchboard.ui.swing.networks;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;

import org.switchboard.api.connection.IrcConnection;
import org.switchboard.ui.swing.text.SafeText;

/**
 * The network list, like HexChat's: networks on the left, the selected one's servers, nick, SASL and autojoin on
 * the right; add, remove, connect, and import from HexChat's servlist.conf. Configuration work runs in the
 * background; the dialog only shows the results.
 */
public final class NetworkDialog extends JDialog {

    private static final long serialVersionUID = 1L;

    private final transient NetworkStore store;
    private final transient Consumer<Runnable> background;
    private final transient Function<String, Optional<IrcConnection>> connections;
    private final DefaultListModel<NetworkStore.Entry> model = new DefaultListModel<>();
    private final JList<NetworkStore.Entry> list = new JList<>(model);
    private final JTextField name = new JTextField(12);
    private final JTextArea servers = new JTextArea(4, 12);
    private final JTextField nick = new JTextField(12);
    private final JTextField alternates = new JTextField(12);
    private final JTextField realName = new JTextField(12);
    private final JPasswordField serverPassword = new JPasswordField(12);
    private final JComboBox<String> sasl = new JComboBox<>(new String[] { "NONE", "PLAIN", "EXTERNAL",
        "SCRAM-SHA-256" });
    private final JTextField saslUser = new JTextField(12);
    private final JPasswordField saslPassword = new JPasswordField(12);
    private final JTextArea autojoin = new JTextArea(4, 12);
    private final JCheckBox autoConnect = new JCheckBox("Connect at start");
    private final JLabel status = SafeText.protect(new JLabel(" "));
    private final JButton saveButton = button("Save", this::save);
    private final JButton removeButton = button("Remove", this::remove);
    private transient NetworkStore.Entry editing;
    /** The status line shows why the network in the form cannot be saved here. */
    private boolean showingFileNote;

    public NetworkDialog(JFrame owner, NetworkStore store, Consumer<Runnable> background,
            Function<String, Optional<IrcConnection>> connections) {
        super(owner, "Networks — Switchboard", false);
        this.store = store;
        this.background = background;
        this.connections = connections;
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            {
                SafeText.protect(this);
            }

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected,
                    boolean focus) {
                super.getListCellRendererComponent(l, "", index, selected, focus);
                if (value instanceof NetworkStore.Entry entry) {
                    setText(SafeText.display(entry.settings().name()));
                }
                return this;
            }
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && list.getSelectedValue() != null) {
                edit(list.getSelectedValue());
            }
        });
        SafeText.protect(list);

        JPanel left = new JPanel(new BorderLayout());
        left.add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel leftButtons = new JPanel(new java.awt.GridLayout(0, 1, 4, 4));
        leftButtons.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        leftButtons.add(button("Add", () -> edit(null)));
        leftButtons.add(removeButton);
        leftButtons.add(button("Import HexChat…", this::importHexChat));
        left.add(leftButtons, BorderLayout.SOUTH);

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        int row = 0;
        servers.setToolTipText("One a line: host:port, or +host:port for TLS");
        alternates.putClientProperty("JTextField.placeholderText", "separated by spaces");
        autojoin.setToolTipText("One a line: #channel, or #channel key");
        row = field(form, row, "Network name", name);
        row = field(form, row, "Servers", new JScrollPane(servers));
        form.add(hint("host:port, +host:port for TLS; one a line"), hintAt(row++));
        row = field(form, row, "Nick", nick);
        row = field(form, row, "Alternate nicks", alternates);
        row = field(form, row, "Real name", realName);
        row = field(form, row, "Server password", serverPassword);
        row = field(form, row, "SASL", sasl);
        row = field(form, row, "SASL user", saslUser);
        row = field(form, row, "SASL password", saslPassword);
        row = field(form, row, "Autojoin", new JScrollPane(autojoin));
        form.add(hint("#channel or #channel key; one a line"), hintAt(row++));
        row = field(form, row, "", autoConnect);
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridy = row;
        filler.weighty = 1;
        form.add(new JLabel(), filler);
        // The status takes the room the buttons leave: a long message is cut, the buttons stay on screen.
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 4));
        buttons.add(saveButton);
        buttons.add(button("Connect", this::connect));
        buttons.add(button("Close", this::dispose));
        JPanel formButtons = new JPanel(new BorderLayout());
        status.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 4));
        formButtons.add(status, BorderLayout.CENTER);
        formButtons.add(buttons, BorderLayout.EAST);

        JPanel right = new JPanel(new BorderLayout());
        right.add(form, BorderLayout.CENTER);
        right.add(formButtons, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, right);
        split.setDividerLocation(200);
        getContentPane().add(split);
        setSize(760, 600);
        setLocationRelativeTo(owner);
        edit(null);
        reload(null);
    }

    private static JButton button(String label, Runnable action) {
        JButton button = new JButton(label);
        button.addActionListener(e -> action.run());
        return button;
    }

    private static JLabel hint(String text) {
        JLabel hint = new JLabel(text);
        hint.setFont(hint.getFont().deriveFont(hint.getFont().getSize2D() * 0.9f));
        hint.setEnabled(false);
        return hint;
    }

    private static GridBagConstraints hintAt(int row) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 1;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.insets = new Insets(0, 3, 3, 3);
        return c;
    }

    private static int field(JPanel form, int row, String label, Component field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.insets = new Insets(3, 3, 3, 3);
        c.anchor = GridBagConstraints.NORTHWEST;
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        form.add(field, c);
        return row + 1;
    }

    private void edit(NetworkStore.Entry entry) {
        editing = entry;
        NetworkSettings s = entry == null ? NetworkSettings.empty() : entry.settings();
        name.setText(s.name());
        servers.setText(String.join("\n", s.servers()));
        nick.setText(s.nick());
        alternates.setText(String.join(" ", s.alternateNicks()));
        realName.setText(s.realName());
        serverPassword.setText(s.serverPassword());
        sasl.setSelectedItem(s.saslMechanism());
        saslUser.setText(s.saslUser());
        saslPassword.setText(s.saslPassword());
        autojoin.setText(String.join("\n", s.autojoin()));
        autoConnect.setSelected(s.autoConnect());
        if (entry == null) {
            list.clearSelection();
        }
        // FileInstall reads a network's file again at every start and never writes to it: an edit made here would
        // be undone without a word, so the file is where such a network is changed.
        boolean fromFile = entry != null && entry.definedIn() != null;
        saveButton.setEnabled(!fromFile);
        removeButton.setEnabled(!fromFile);
        if (fromFile) {
            status.setText("Defined in " + SafeText.display(fileName(entry.definedIn())) + ": edit that file");
            status.setToolTipText("Defined in " + SafeText.display(entry.definedIn())
                    + ", which is read again at every start: edit that file");
        } else if (showingFileNote) {
            status.setText(" ");
            status.setToolTipText(null);
        }
        showingFileNote = fromFile;
    }

    /** The file's name from FileInstall's location (a file: URL or a path). */
    static String fileName(String location) {
        String path = location.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private NetworkSettings fromForm() {
        return new NetworkSettings(name.getText().strip(), lines(servers.getText()), nick.getText().strip(),
                words(alternates.getText()), "", realName.getText().strip(),
                new String(serverPassword.getPassword()), (String) sasl.getSelectedItem(), saslUser.getText().strip(),
                new String(saslPassword.getPassword()), lines(autojoin.getText()), autoConnect.isSelected());
    }

    private static List<String> lines(String text) {
        List<String> result = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                result.add(line.strip());
            }
        }
        return result;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private void save() {
        NetworkSettings settings = fromForm();
        String problem = settings.problem();
        if (problem != null) {
            status.setText(problem);
            return;
        }
        String pid = editing == null ? null : editing.pid();
        run(() -> store.save(pid, settings), savedPid -> {
            status.setText("Saved");
            reload(savedPid);
        });
    }

    private void remove() {
        NetworkStore.Entry entry = list.getSelectedValue();
        if (entry == null) {
            return;
        }
        run(() -> {
            store.delete(entry.pid());
            return null;
        }, ignored -> {
            status.setText("Removed " + SafeText.display(entry.settings().name()));
            reload(null);
        });
    }

    private void connect() {
        String network = name.getText().strip();
        Optional<IrcConnection> connection = connections.apply(network);
        if (connection.isEmpty()) {
            status.setText("Save the network first; its connection appears once saved");
            return;
        }
        background.accept(connection.get()::connect);
        status.setText("Connecting to " + SafeText.display(network) + "…");
    }

    private void importHexChat() {
        JFileChooser chooser = new JFileChooser(Path.of(System.getProperty("user.home"), ".config", "hexchat").toFile());
        chooser.setDialogTitle("HexChat servlist.conf");
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        run(() -> {
            List<NetworkSettings> parsed = HexChatServerList.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> existing = new ArrayList<>();
            for (NetworkStore.Entry entry : store.list()) {
                existing.add(entry.settings().name().toLowerCase(java.util.Locale.ROOT));
            }
            int imported = 0;
            for (NetworkSettings settings : parsed) {
                if (settings.problem() == null && !existing.contains(settings.name().toLowerCase(java.util.Locale.ROOT))) {
                    // Imported networks do not connect by themselves: the user picks which to use.
                    store.save(null, new NetworkSettings(settings.name(), settings.servers(), settings.nick(),
                            settings.alternateNicks(), settings.userName(), settings.realName(),
                            settings.serverPassword(), settings.saslMechanism(), settings.saslUser(),
                            settings.saslPassword(), settings.autojoin(), false));
                    imported++;
                }
            }
            return imported;
        }, imported -> {
            status.setText("Imported " + imported + " networks");
            reload(null);
        });
    }

    private void reload(String select) {
        run(store::list, entries -> {
            model.clear();
            for (NetworkStore.Entry entry : entries) {
                model.addElement(entry);
                if (entry.pid().equals(select)) {
                    list.setSelectedValue(entry, true);
                }
            }
        });
    }

    /** Runs {@code work} in the background and hands its result to {@code done} on the event thread. */
    private <T> void run(Callable<T> work, Consumer<T> done) {
        background.accept(() -> {
            try {
                T result = work.call();
                SwingUtilities.invokeLater(() -> done.accept(result));
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> status.setText("Failed: " + SafeText.display(message)));
            }
        });
    }
}
