package org.switchboard.ui.swing.window;

import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JRootPane;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.command.CommandInfo;
import org.switchboard.api.connection.ConnectionState;
import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.Session;
import org.switchboard.api.ui.FrameNavigation;
import org.switchboard.ui.swing.chat.ChatView;
import org.switchboard.ui.swing.chat.ChatWarmUp;
import org.switchboard.ui.swing.networks.NetworkDialog;
import org.switchboard.ui.swing.settings.PreferencesDialog;
import org.switchboard.ui.swing.settings.SessionSettingsStore;
import org.switchboard.ui.swing.networks.NetworkStore;
import org.switchboard.ui.swing.text.SafeText;
import org.switchboard.ui.swing.update.ChangeTracker;

/**
 * The main window: buffer tree on the left; topic, chat view and input line in the centre; nick list on the
 * right. It reads the session only on the event thread, when its refresh timer finds changes marked by the
 * {@link ChangeTracker}; it never receives one call per incoming line.
 */
public final class MainWindow implements FrameNavigation.Host {

    /** How often changes are pulled from the session: 20 frames a second is smooth and cheap. */
    public static final int REFRESH_MILLIS = 50;

    private final Session session;
    private final CommandDispatcher dispatcher;
    private final IrcProtocol protocol;
    private final ChangeTracker changes;
    private final Consumer<Runnable> background;
    private final JFrame frame;
    private final BufferTree tree;
    private final ChatView chat;
    private final NickList nicks = new NickList();
    private final JScrollPane nickScroll;
    private final JLabel nickCount = SafeText.protect(new JLabel());
    /** The current network's link: its lag while connected, else where the connection is. */
    private final JLabel linkStatus = SafeText.protect(new JLabel());
    private final JTextField topic = new JTextField();
    /** The topic as shown when an edit began, put back when it is cancelled. */
    private String topicBeforeEdit = "";
    private final InputLine input;
    private final Timer timer;
    private ChatWarmUp chatWarmUp;
    private final Function<String, Optional<IrcConnection>> connections;
    private final Supplier<Optional<NetworkStore>> networks;
    private final Supplier<Optional<SessionSettingsStore>> sessionSettings;
    private final FindBar findBar;
    private final Attention attention;
    private final Map<Long, Integer> knownHighlights = new HashMap<>();
    private final Consumer<Boolean> rememberTheme;
    private final javax.swing.JCheckBoxMenuItem darkTheme = new javax.swing.JCheckBoxMenuItem("Dark theme");
    private boolean dark;
    private final Path stateFile;
    private final WindowState windowState;
    private final JSplitPane mainSplit;
    private final JSplitPane rightSplit;
    /** The nick list's width while it is hidden (the server buffer and queries have none). */
    private int hiddenNickListWidth;
    /** Event thread writes; {@link #current()} may be read from any thread. */
    private volatile Buffer current;
    /** Buffer ids seen at the last rebuild, to notice new ones. */
    private Set<Long> knownBuffers = Set.of();
    /** Until when a new channel or query is shown at once: the user just asked to join or talk. */
    private long followNewBuffersUntil;

    /**
     * Builds the window; call on the event thread.
     *
     * @param background runs work off the event thread (command execution, opening links)
     * @param onClose    called (on the event thread) when the user closes the window
     */
    public MainWindow(UiServices services, ChangeTracker changes, Consumer<Runnable> background, Runnable onClose,
            boolean dark, Path stateFile) {
        this(services, changes, background, onClose, dark, stateFile, null);
    }

    /**
     * The same, in a frame that is already there: the empty one the launcher put on screen at start-up (see
     * {@code SwingUiComponent}), which keeps its place on screen and gets this window's contents; null for a new
     * frame.
     */
    public MainWindow(UiServices services, ChangeTracker changes, Consumer<Runnable> background, Runnable onClose,
            boolean dark, Path stateFile, JFrame startupFrame) {
        if (startupFrame != null) {
            startupFrame.setTitle("Switchboard");
            // Made before this bundle chose its theme: a different look and feel must reach it too.
            SwingUtilities.updateComponentTreeUI(startupFrame);
            this.frame = startupFrame;
        } else {
            this.frame = new JFrame("Switchboard");
        }
        this.session = services.session();
        this.dispatcher = services.dispatcher();
        this.protocol = services.protocol();
        this.connections = services.connections();
        this.networks = services.networks();
        this.sessionSettings = services.sessionSettings();
        this.rememberTheme = services.rememberTheme();
        this.dark = dark;
        this.stateFile = stateFile;
        this.windowState = WindowState.load(stateFile);
        this.changes = changes;
        this.background = background;
        this.tree = new BufferTree(this::show, this::networkLabel);
        this.chat = new ChatView(protocol, this::openLink);
        chat.updateTheme(dark);
        this.input = new InputLine(this::submit, this::members, this::commandNames);
        chat.onTyping(c -> {
            input.requestFocusInWindow();
            input.replaceSelection(String.valueOf(c));
        });

        topic.setEditable(false);
        topic.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        topic.putClientProperty("JTextField.placeholderText", "No topic");
        SafeText.protect(topic);
        topic.addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseClicked(java.awt.event.MouseEvent e) {
                if (e.getClickCount() == 2 && !topic.isEditable()) {
                    editTopic();
                }
            }
        });
        topic.addActionListener(e -> finishTopicEdit(true));
        topic.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "cancel-topic");
        topic.getActionMap().put("cancel-topic", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                finishTopicEdit(false);
            }
        });
        topic.addFocusListener(new java.awt.event.FocusAdapter() {
            @Override
            public void focusLost(java.awt.event.FocusEvent e) {
                finishTopicEdit(false);
            }
        });

        JPanel centre = new JPanel(new BorderLayout());
        centre.add(topic, BorderLayout.NORTH);
        centre.add(chat, BorderLayout.CENTER);
        JPanel inputPanel = new JPanel(new BorderLayout());
        inputPanel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        inputPanel.add(input, BorderLayout.CENTER);
        linkStatus.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 4));
        linkStatus.putClientProperty("FlatLaf.styleClass", "small");
        inputPanel.add(linkStatus, BorderLayout.EAST);
        findBar = new FindBar(new FindHost(), protocol::stripFormatting);
        findBar.setVisible(false);
        inputPanel.add(findBar, BorderLayout.NORTH);
        nicks.addMouseListener(new NickMenu());
        centre.add(inputPanel, BorderLayout.SOUTH);

        JScrollPane treeScroll = new JScrollPane(tree);
        treeScroll.setBorder(BorderFactory.createEmptyBorder());
        nickScroll = new JScrollPane(nicks, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        nickScroll.setBorder(BorderFactory.createEmptyBorder());
        nickCount.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        nickScroll.setColumnHeaderView(nickCount);
        JSplitPane right = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, centre, nickScroll);
        right.setResizeWeight(1.0);
        right.setContinuousLayout(true);
        JSplitPane main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, treeScroll, right);
        main.setContinuousLayout(true);
        main.setDividerLocation(windowState.treeWidth());
        nickScroll.setPreferredSize(new Dimension(windowState.nickListWidth(), 100));
        treeScroll.setPreferredSize(new Dimension(windowState.treeWidth(), 100));
        mainSplit = main;
        rightSplit = right;
        hiddenNickListWidth = windowState.nickListWidth();

        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onClose.run();
            }
        });
        frame.getContentPane().add(main, BorderLayout.CENTER);
        // A frame already on screen was placed from the same window state (and the user may have moved it since).
        if (!frame.isDisplayable()) {
            Rectangle bounds = windowState.bounds();
            frame.setSize(bounds.width, bounds.height);
            if (bounds.x >= 0 && bounds.y >= 0) {
                frame.setLocation(bounds.x, bounds.y);
            } else {
                frame.setLocationByPlatform(true);
            }
            if (windowState.maximized()) {
                frame.setExtendedState(JFrame.MAXIMIZED_BOTH);
            }
        }
        frame.addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                placeReadMarker();
                markCurrentRead();
            }
        });
        installKeys(frame.getRootPane());
        frame.setJMenuBar(menuBar(onClose));
        attention = new Attention(frame);
        timer = new Timer(REFRESH_MILLIS, e -> refresh());
        timer.setCoalesce(true);
    }

    public void open() {
        refresh();
        frame.setVisible(true);
        // A frame that was already showing gets its new contents laid out and drawn.
        frame.revalidate();
        frame.repaint();
        input.requestFocusInWindow();
        timer.start();
        chatWarmUp = ChatWarmUp.schedule(protocol, dark);
    }

    /** Stops the timer and releases the window; call on the event thread. */
    public void dispose() {
        timer.stop();
        if (chatWarmUp != null) {
            chatWarmUp.stop();
        }
        if (frame.isDisplayable()) {
            windowState.update(frame.getBounds(), (frame.getExtendedState() & JFrame.MAXIMIZED_BOTH) != 0,
                    mainSplit.getDividerLocation(), currentNickListWidth());
            windowState.save(stateFile);
        }
        frame.dispose();
    }

    @Override
    public JFrame frame() {
        return frame;
    }

    /** Pulls what changed since the last tick and updates only the affected parts. */
    void refresh() {
        updateLinkStatus();
        ChangeTracker.Changes c = changes.drain();
        if (c.isEmpty()) {
            return;
        }
        if (c.structure()) {
            List<Buffer> buffers = session.buffers();
            tree.rebuild(buffers);
            Set<Long> ids = new java.util.HashSet<>();
            Buffer added = null;
            for (Buffer b : buffers) {
                ids.add(b.id());
                if (!knownBuffers.contains(b.id()) && b.type() != BufferType.SERVER) {
                    added = b;
                }
            }
            knownBuffers = ids;
            // Follow a buffer the user just asked for, and a channel joined while only the server buffer is on
            // screen (autojoin after connecting): the channel is what the user came for.
            boolean onServerBuffer = current != null && current.type() == BufferType.SERVER;
            if (added != null && (System.currentTimeMillis() < followNewBuffersUntil
                    || onServerBuffer && added.type() == BufferType.CHANNEL)) {
                followNewBuffersUntil = 0;
                tree.select(added.id());
            }
            if (current == null || session.byId(current.id()).isEmpty()) {
                Optional<Buffer> first = buffers.stream().filter(b -> b.type() == BufferType.CHANNEL).findFirst()
                        .or(() -> buffers.stream().findFirst());
                first.ifPresentOrElse(b -> tree.select(b.id()), () -> show(null));
            }
        }
        if (current == null) {
            return;
        }
        long id = current.id();
        if (c.lines().contains(id)) {
            chat.refresh();
            if (frame.isActive()) {
                markCurrentRead();
            }
        }
        if (c.members().contains(id)) {
            showMembers();
        }
        if (c.topics().contains(id) || c.structure()) {
            updateTopicAndTitle();
        }
        if (!c.activity().isEmpty()) {
            tree.activityChanged(c.activity());
            noticeHighlights(c.activity());
        }
    }

    /** Asks for attention for new highlights the user cannot be looking at. */
    private void noticeHighlights(Set<Long> bufferIds) {
        for (Long id : bufferIds) {
            Optional<Buffer> buffer = session.byId(id);
            if (buffer.isEmpty()) {
                knownHighlights.remove(id);
                continue;
            }
            int count = buffer.get().highlightCount();
            int known = knownHighlights.getOrDefault(id, 0);
            knownHighlights.put(id, count);
            boolean seen = frame.isActive() && current != null && current.id() == id;
            if (count > known && !seen) {
                attention.request();
            }
        }
    }

    private void show(Buffer buffer) {
        current = buffer;
        input.setBuffer(buffer);
        chat.show(buffer);
        showMembers();
        showNickList(buffer != null && buffer.type() == BufferType.CHANNEL);
        updateTopicAndTitle();
        placeReadMarker();
        markCurrentRead();
        input.requestFocusInWindow();
    }

    /**
     * Hides or shows the nick list. A split pane keeps its divider where it was while one side is hidden — at the
     * far edge when the window opened on the server buffer — so the list comes back at the width it had.
     */
    private void showNickList(boolean wanted) {
        if (wanted == nickScroll.isVisible()) {
            return;
        }
        if (!wanted) {
            hiddenNickListWidth = currentNickListWidth();
        }
        nickScroll.setVisible(wanted);
        if (wanted && rightSplit.getWidth() > 0) {
            rightSplit.setDividerLocation(Math.max(0,
                    rightSplit.getWidth() - rightSplit.getDividerSize() - hiddenNickListWidth));
        }
        rightSplit.revalidate();
    }

    /** For tests: the nick list's width on screen, 0 while hidden. */
    int nickListWidth() {
        return nickScroll.isVisible() ? nickScroll.getWidth() : 0;
    }

    private int currentNickListWidth() {
        if (!nickScroll.isVisible() || rightSplit.getWidth() == 0) {
            return hiddenNickListWidth;
        }
        return Math.max(60, rightSplit.getWidth() - rightSplit.getDividerLocation() - rightSplit.getDividerSize());
    }

    private void showMembers() {
        List<Member> members = current == null ? List.of() : current.members();
        nicks.show(members);
        long ops = members.stream().filter(m -> m.highestPrefix() != 0 && m.highestPrefix() != '+').count();
        nickCount.setText(count(members.size(), "user") + (ops > 0 ? ", " + count(ops, "op") : ""));
    }

    /**
     * Double-click on a channel's topic, as in HexChat: the field becomes editable; Enter sets the topic through
     * /topic (so a refusal from the server shows as usual), Escape or leaving the field puts it back.
     */
    void editTopic() {
        if (current == null || current.type() != BufferType.CHANNEL || !current.active()) {
            return;
        }
        topicBeforeEdit = topic.getText();
        topic.setEditable(true);
        topic.requestFocusInWindow();
        topic.selectAll();
    }

    /** Ends a topic edit; sends the new topic when {@code apply} and the text changed. */
    void finishTopicEdit(boolean apply) {
        if (!topic.isEditable()) {
            return;
        }
        String edited = topic.getText().strip();
        topic.setEditable(false);
        Buffer channel = current;
        if (apply && channel != null && !edited.equals(topicBeforeEdit.strip())) {
            // the channel is named, so that a topic starting with '#' is not taken for one
            submit(channel, edited.isEmpty() ? "/raw TOPIC " + channel.name() + " :"
                    : "/topic " + channel.name() + " " + edited);
        }
        // The field shows the session's topic again: the new one once the server has confirmed it.
        updateTopicAndTitle();
        input.requestFocusInWindow();
    }

    JTextField topicField() {
        return topic;
    }

    /** Where the read marker is now, -1 for none (for tests). */
    long readMarker() {
        return chat.readMarker();
    }

    /** What the link status shows now (for tests). */
    String linkStatus() {
        return linkStatus.getText();
    }

    /** Two volatile reads per tick; the label is only touched when its text changes. */
    private void updateLinkStatus() {
        Optional<IrcConnection> connection = current == null ? Optional.empty() : connections.apply(current.network());
        String text = connection.map(c -> linkStatusText(c.state(), c.lagMillis())).orElse("");
        if (!text.equals(linkStatus.getText())) {
            linkStatus.setText(text);
            linkStatus.setToolTipText(connection.isPresent() && connection.get().state() == ConnectionState.CONNECTED
                    ? "Round trip to the server, measured with a PING at least once a minute" : null);
        }
    }

    /** {@code lag 84 ms}, {@code lag 2.5 s}; for a connection that is not up, what it is doing. */
    static String linkStatusText(ConnectionState state, long lagMillis) {
        return switch (state) {
            case CONNECTED -> lagMillis < 0 ? "" : lagMillis < 1000 ? "lag " + lagMillis + " ms"
                    : String.format(java.util.Locale.ROOT, "lag %.1f s", lagMillis / 1000.0);
            case CONNECTING -> "connecting…";
            case REGISTERING -> "registering…";
            case WAITING_TO_RECONNECT -> "reconnecting…";
            case DISCONNECTED -> "not connected";
        };
    }

    /** {@code 1 user}, {@code 2 users}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void markCurrentRead() {
        // Lines that count for nothing (joins, parts) are seen all the same: the read position passes them too.
        if (current != null && (current.unreadCount() > 0 || current.highlightCount() > 0
                || current.readUpTo() < current.endLine())) {
            session.markRead(current.id());
        }
    }

    /** The read marker goes where the user stopped reading: above the first line that came since. */
    private void placeReadMarker() {
        chat.setReadMarker(current == null || current.readUpTo() >= current.endLine() ? -1 : current.readUpTo());
    }

    private void updateTopicAndTitle() {
        if (current == null) {
            topic.setText("");
            frame.setTitle("Switchboard");
            return;
        }
        String shownTopic = current.type() == BufferType.CHANNEL ? protocol.stripFormatting(current.topic()) : "";
        topic.putClientProperty("JTextField.placeholderText", switch (current.type()) {
            case CHANNEL -> "No topic";
            case SERVER -> "Messages and replies from the server";
            default -> SafeText.display("Private conversation with " + current.name());
        });
        topic.setToolTipText(current.type() == BufferType.CHANNEL ? "Double-click to change the topic" : null);
        // A topic that changes while the user edits it is not allowed to throw away what they are typing.
        if (!topic.isEditable()) {
            topic.setText(SafeText.display(shownTopic));
            topic.setCaretPosition(0);
        }
        String modes = current.modes();
        String name = current.type() == BufferType.SERVER ? networkLabel(current.network()) : current.name();
        String where = name + (modes.isEmpty() ? "" : " [" + modes + "]")
                + (current.type() == BufferType.SERVER ? "" : " @ " + networkLabel(current.network()));
        frame.setTitle(SafeText.display(where) + " — Switchboard");
    }

    /**
     * A network as the user knows it: its configured name, unless that is only the server's address (a network
     * opened from an irc:// URL or the command line) and the server said the network's name in ISUPPORT.
     */
    String networkLabel(String network) {
        if (!looksLikeAnAddress(network)) {
            return network;
        }
        return connections.apply(network).flatMap(connection -> connection.isupport().network())
                .filter(name -> !name.isBlank()).orElse(network);
    }

    static boolean looksLikeAnAddress(String network) {
        return network.indexOf('.') >= 0 || network.indexOf(':') >= 0 || "localhost".equalsIgnoreCase(network);
    }

    private void submit(Buffer buffer, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("/join ") || lower.startsWith("/j ") || lower.startsWith("/query ")
                || lower.startsWith("/msg ")) {
            followNewBuffersUntil = System.currentTimeMillis() + 10_000;
        }
        String network = buffer.network();
        String name = buffer.name();
        background.accept(() -> dispatcher.execute(network, name, text));
    }

    private List<Member> members() {
        return nicks.current();
    }

    private List<String> commandNames() {
        List<String> names = new ArrayList<>();
        names.add("help");
        for (CommandInfo info : dispatcher.commands()) {
            names.add(info.name());
        }
        return names;
    }

    private void openLink(String url) {
        background.accept(() -> {
            try {
                if (Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(new URI(url));
                }
            } catch (Exception e) {
                System.getLogger(MainWindow.class.getName()).log(System.Logger.Level.INFO,
                        "Could not open " + url + ": " + e);
            }
        });
    }

    private JMenuBar menuBar(Runnable onClose) {
        JMenuBar bar = new JMenuBar();
        JMenu menu = new JMenu("Switchboard");
        menu.setMnemonic(KeyEvent.VK_S);
        JMenuItem networkList = new JMenuItem("Networks…");
        networkList.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_S, InputEvent.CTRL_DOWN_MASK));
        networkList.addActionListener(e -> openNetworkList());
        menu.add(networkList);
        JMenuItem find = new JMenuItem("Find…");
        find.addActionListener(e -> showFind());
        menu.add(find);
        JMenuItem preferences = new JMenuItem("Preferences…");
        preferences.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_COMMA, InputEvent.CTRL_DOWN_MASK));
        preferences.addActionListener(e -> openPreferences());
        menu.add(preferences);
        menu.addSeparator();
        JMenuItem quit = new JMenuItem("Quit");
        quit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        quit.addActionListener(e -> onClose.run());
        menu.add(quit);
        bar.add(menu);
        JMenu view = new JMenu("View");
        darkTheme.setSelected(dark);
        darkTheme.addActionListener(e -> {
            applyTheme(darkTheme.isSelected());
            rememberTheme.accept(darkTheme.isSelected());
        });
        view.add(darkTheme);
        bar.add(view);
        return bar;
    }

    /** Switches between the light and dark theme in place. */
    public void applyTheme(boolean useDark) {
        darkTheme.setSelected(useDark);
        if (useDark == dark) {
            return;
        }
        dark = useDark;
        Themes.apply(useDark);
        com.formdev.flatlaf.FlatLaf.updateUI();
        chat.updateTheme(useDark);
    }

    private void openNetworkList() {
        Optional<NetworkStore> store = networks.get();
        if (store.isEmpty()) {
            JOptionPane.showMessageDialog(frame, "Configuration Admin is not running, so networks "
                    + "cannot be edited here.", "Networks", JOptionPane.WARNING_MESSAGE);
            return;
        }
        new NetworkDialog(frame, store.get(), background, connections)
                .setVisible(true);
    }

    private void openPreferences() {
        Optional<SessionSettingsStore> store = sessionSettings.get();
        if (store.isEmpty()) {
            JOptionPane.showMessageDialog(frame, "Configuration Admin is not running, so preferences "
                    + "cannot be edited here.", "Preferences", JOptionPane.WARNING_MESSAGE);
            return;
        }
        new PreferencesDialog(frame, store.get(), background).setVisible(true);
    }

    private void showFind() {
        findBar.setVisible(true);
        findBar.getParent().revalidate();
        findBar.focusTarget().requestFocusInWindow();
    }

    private void installKeys(JRootPane root) {
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK), "find", this::showFind);
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, 0), "page-up", () -> chat.page(-1));
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0), "page-down", () -> chat.page(1));
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, InputEvent.CTRL_DOWN_MASK), "buffer-previous",
                () -> step(-1));
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, InputEvent.CTRL_DOWN_MASK), "buffer-next",
                () -> step(1));
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_W, InputEvent.CTRL_DOWN_MASK), "buffer-close", () -> {
            if (current != null && current.type() != BufferType.SERVER) {
                long id = current.id();
                background.accept(() -> session.close(id));
            }
        });
        key(root, KeyStroke.getKeyStroke(KeyEvent.VK_A, InputEvent.ALT_DOWN_MASK), "buffer-next-activity",
                this::nextWithActivity);
        for (int i = 1; i <= 9; i++) {
            int index = i - 1;
            key(root, KeyStroke.getKeyStroke(KeyEvent.VK_0 + i, InputEvent.ALT_DOWN_MASK), "buffer-" + i, () -> {
                List<Buffer> buffers = tree.inOrder();
                if (index < buffers.size()) {
                    tree.select(buffers.get(index).id());
                }
            });
        }
    }

    /**
     * Alt+A, as in irssi and WeeChat: the next buffer (in the tree's order, after the current one) with a highlight,
     * or else the next with unread lines; nothing when all are read.
     */
    void nextWithActivity() {
        List<Buffer> buffers = tree.inOrder();
        int start = current == null ? -1 : buffers.indexOf(buffers.stream().filter(b -> b.id() == current.id())
                .findFirst().orElse(null));
        Buffer unread = null;
        for (int k = 1; k <= buffers.size(); k++) {
            Buffer candidate = buffers.get(Math.floorMod(start + k, buffers.size()));
            if (current != null && candidate.id() == current.id()) {
                continue;
            }
            if (candidate.highlightCount() > 0) {
                tree.select(candidate.id());
                return;
            }
            if (unread == null && candidate.unreadCount() > 0) {
                unread = candidate;
            }
        }
        if (unread != null) {
            tree.select(unread.id());
        }
    }

    private void step(int delta) {
        List<Buffer> buffers = tree.inOrder();
        if (buffers.isEmpty()) {
            return;
        }
        int at = current == null ? 0 : buffers.indexOf(current);
        int next = Math.floorMod(at + delta, buffers.size());
        tree.select(buffers.get(next).id());
    }

    private static void key(JRootPane root, KeyStroke stroke, String name, Runnable action) {
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, name);
        root.getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** The find bar's view of the window. */
    private final class FindHost implements FindBar.Host {
        @Override
        public Buffer current() {
            return current;
        }

        @Override
        public long searchStart() {
            return chat.searchStart();
        }

        @Override
        public List<Buffer> allBuffers() {
            return tree.inOrder();
        }

        @Override
        public void show(FindBar.Hit hit) {
            if (current == null || current.id() != hit.buffer().id()) {
                tree.select(hit.buffer().id());
            }
            chat.reveal(hit.seq());
        }

        @Override
        public void runInBackground(Runnable task) {
            background.accept(task);
        }

        @Override
        public void closeFind() {
            findBar.setVisible(false);
            findBar.getParent().revalidate();
            input.requestFocusInWindow();
        }
    }

    /** Right-click on a nick: query, whois and, where our own channel rank allows, op/voice/kick/ban. */
    private final class NickMenu extends MouseAdapter {
        @Override
        public void mousePressed(MouseEvent e) {
            maybeShow(e);
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            maybeShow(e);
        }

        private void maybeShow(MouseEvent e) {
            if (!e.isPopupTrigger() || current == null) {
                return;
            }
            int index = nicks.locationToIndex(e.getPoint());
            if (index < 0) {
                return;
            }
            nicks.setSelectedIndex(index);
            Member member = nicks.getModel().getElementAt(index);
            Buffer channel = current;
            Optional<IrcConnection> connection = connections.apply(channel.network());
            char ownRank = ownPrefix(channel, connection);
            boolean op = ownRank == '~' || ownRank == '&' || ownRank == '@';
            boolean halfop = op || ownRank == '%';
            String nick = member.nick();
            String chan = channel.name();
            JPopupMenu menu = new JPopupMenu();
            JMenuItem title = SafeText.protect(new JMenuItem(SafeText.display(nick)));
            title.setEnabled(false);
            menu.add(title);
            menu.addSeparator();
            item(menu, "Open query", true, () -> {
                Buffer query = session.openQuery(channel.network(), nick);
                SwingUtilities.invokeLater(() -> {
                    refresh();
                    tree.select(query.id());
                });
            });
            item(menu, "Whois", connection.isPresent(), () -> send(connection, "WHOIS", nick));
            menu.addSeparator();
            boolean isOp = member.prefixes().indexOf('@') >= 0;
            boolean isVoice = member.prefixes().indexOf('+') >= 0;
            item(menu, isOp ? "Take op" : "Give op", op, () -> send(connection, "MODE", chan, isOp ? "-o" : "+o", nick));
            item(menu, isVoice ? "Take voice" : "Give voice", halfop,
                    () -> send(connection, "MODE", chan, isVoice ? "-v" : "+v", nick));
            item(menu, "Kick", halfop, () -> send(connection, "KICK", chan, nick));
            String mask = member.host() != null ? "*!*@" + member.host() : nick + "!*@*";
            item(menu, "Ban " + mask, op, () -> send(connection, "MODE", chan, "+b", mask));
            menu.show(nicks, e.getX(), e.getY());
        }

        private void item(JPopupMenu menu, String label, boolean enabled, Runnable action) {
            JMenuItem item = SafeText.protect(new JMenuItem(SafeText.display(label)));
            item.setEnabled(enabled);
            item.addActionListener(a -> background.accept(action));
            menu.add(item);
        }

        private char ownPrefix(Buffer channel, Optional<IrcConnection> connection) {
            if (connection.isEmpty()) {
                return 0;
            }
            String own = connection.get().nick();
            for (Member m : nicks.current()) {
                if (m.nick().equalsIgnoreCase(own)) {
                    return m.highestPrefix();
                }
            }
            return 0;
        }

        private void send(Optional<IrcConnection> connection, String command, String... params) {
            connection.ifPresent(c -> c.send(IrcMessage.of(command, params)));
        }
    }

    /** The buffer on display (any thread). */
    @Override
    public Buffer current() {
        return current;
    }

    public void select(long bufferId) {
        tree.select(bufferId);
    }

    /** Shows a buffer with one of its lines (a sequence number) in view and selected; a line no longer held shows the end. */
    @Override
    public void reveal(long bufferId, long line) {
        // The buffer may be newer than the last refresh tick (a highlight in a query that just opened).
        refresh();
        tree.select(bufferId);
        Buffer shown = current;
        if (shown != null && shown.id() == bufferId && line >= shown.firstLine() && line < shown.endLine()) {
            chat.reveal(line);
        }
    }
}
