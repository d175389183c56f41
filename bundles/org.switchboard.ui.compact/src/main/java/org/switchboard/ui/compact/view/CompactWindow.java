package org.switchboard.ui.compact.view;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

import org.switchboard.api.command.CommandDispatcher;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.api.session.BufferType;
import org.switchboard.api.session.Member;
import org.switchboard.api.session.Session;
import org.switchboard.api.ui.FrameNavigation;
import org.switchboard.api.ui.PlainText;

import com.formdev.flatlaf.themes.FlatMacDarkLaf;

/**
 * The compact window: a buffer switcher and a nick-list toggle on top, the topic under them, one dense chat pane,
 * and the input line; the nick list slides in on the right when asked for. Everything here runs on the event
 * thread; the session is read only when the timer finds marks in {@link Pending}.
 *
 * <p>Components carry names ({@code compact.buffers}, {@code compact.chat}, {@code compact.nicks},
 * {@code compact.topic}, {@code compact.input}) so that tests and accessibility tools can find them.
 */
public final class CompactWindow implements FrameNavigation.Host {

    /** Pull interval: the window never repaints more often, however fast lines arrive. */
    static final int TICK_MILLIS = 80;

    private final Session session;
    private final CommandDispatcher dispatcher;
    private final IrcProtocol protocol;
    private final Pending pending;
    private final Consumer<Runnable> background;
    private final JFrame frame = new JFrame("Switchboard");
    private final DefaultComboBoxModel<BufferChoice> choices = new DefaultComboBoxModel<>();
    private final JComboBox<BufferChoice> switcher = new JComboBox<>(choices);
    private final JToggleButton nickToggle = new JToggleButton("Nicks");
    private final JLabel topic = new JLabel(" ");
    /** Other buffers with unread lines, irssi-style: the switcher shows only the current one. */
    private final JLabel activity = new JLabel();
    private final ScrollbackModel scrollback = new ScrollbackModel();
    private final JList<BufferLine> chat = new JList<>(scrollback);
    private final JScrollPane chatScroll;
    private final MemberModel members = new MemberModel();
    private final JList<Member> nicks = new JList<>(members);
    private final JScrollPane nickScroll;
    private final JTextField input = new JTextField();
    private final Timer timer;
    private final ChatCell cell;
    /** Sequence number of the first line the user had not seen when the buffer was shown, or -1. */
    private long readMarker = -1;
    private List<BufferChoice> shownChoices = List.of();
    private boolean switching;
    /** Event thread writes; {@link #current()} may be read from any thread. */
    private volatile Buffer current;
    /** The right end of the top bar: activity, actions, the nick list toggle. */
    private final JPanel barEnd = new JPanel(new BorderLayout(6, 0));

    /** Bounds for network text in labels and cells: well above what servers allow, so only hostile text is cut. */
    private static final int MAX_NAME_CHARS = 200;
    private static final int MAX_TOPIC_CHARS = 500;
    private static final int MAX_NICK_CHARS = 64;
    private static final Font CHAT_FONT = new Font(Font.MONOSPACED, Font.PLAIN, 12);

    /** Loads the chat font's glyphs in all its styles; safe on any thread (no Swing component is touched). */
    public static void loadFonts() {
        java.awt.font.FontRenderContext context = new java.awt.font.FontRenderContext(null, true, true);
        for (int style : new int[] {Font.PLAIN, Font.BOLD, Font.ITALIC, Font.BOLD | Font.ITALIC}) {
            CHAT_FONT.deriveFont(style).getStringBounds("00:00 <nick> text", context);
        }
    }

    /**
     * Installs the skin's look and feel; call on the event thread before constructing the window, whose fields
     * create components that pick up the look and feel current at that moment.
     */
    public static void installTheme() {
        FlatMacDarkLaf.setup();
    }

    public CompactWindow(Session session, CommandDispatcher dispatcher, IrcProtocol protocol, Pending pending,
            Consumer<Runnable> background, Runnable onClose) {
        this.session = session;
        this.dispatcher = dispatcher;
        this.protocol = protocol;
        this.pending = pending;
        this.background = background;

        Font mono = CHAT_FONT;
        cell = new ChatCell(protocol, mono);
        chat.setName("compact.chat");
        chat.setCellRenderer(cell);
        chat.setFixedCellHeight(cell.rowHeight());
        // A fixed width too: JList then never measures rows, whatever the scrollback holds.
        chat.setFixedCellWidth(400);
        chat.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        PlainText.protect(chat);
        chatScroll = new JScrollPane(chat, JScrollPane.VERTICAL_SCROLLBAR_ALWAYS,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        chatScroll.setBorder(BorderFactory.createEmptyBorder());
        chatScroll.getViewport().addChangeListener(e -> chat.setFixedCellWidth(chatScroll.getViewport().getWidth()));

        switcher.setName("compact.buffers");
        switcher.setRenderer(new ChoiceRenderer());
        switcher.setMaximumRowCount(20);
        PlainText.protect(switcher);
        switcher.addActionListener(e -> {
            if (!switching && switcher.getSelectedItem() instanceof BufferChoice choice) {
                show(choice.id(), true);
            }
        });

        nickToggle.setName("compact.nicks.toggle");
        nickToggle.setToolTipText("Show or hide the nick list (Alt+N)");
        nickToggle.addActionListener(e -> showNickList(nickToggle.isSelected()));
        PlainText.protect(nickToggle);

        nicks.setName("compact.nicks");
        nicks.setCellRenderer(new MemberRenderer());
        nicks.setPrototypeCellValue(new Member("@WWWWWWWWWWW", "@", null, null, null, null, false));
        nicks.setFont(mono);
        PlainText.protect(nicks);
        nickScroll = new JScrollPane(nicks);
        nickScroll.setBorder(BorderFactory.createMatteBorder(0, 1, 0, 0, UIManager.getColor("Separator.foreground")));
        nickScroll.setVisible(false);

        topic.setName("compact.topic");
        topic.setForeground(ChatCell.DIM);
        topic.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        topic.setFont(topic.getFont().deriveFont(11f));
        PlainText.protect(topic);

        input.setName("compact.input");
        input.putClientProperty("JTextField.placeholderText", "Message, or /command");
        input.putClientProperty("JComponent.roundRect", Boolean.TRUE);
        input.setFont(mono);
        input.addActionListener(e -> submit());
        input.setFocusTraversalKeysEnabled(false);
        bind(input, KeyStroke.getKeyStroke(KeyEvent.VK_TAB, 0), "complete-nick", this::completeNick);

        JPanel bar = new JPanel(new BorderLayout(6, 0));
        bar.setBorder(BorderFactory.createEmptyBorder(6, 6, 0, 6));
        activity.setName("compact.activity");
        activity.setFont(activity.getFont().deriveFont(Font.BOLD, 11f));
        activity.setForeground(UIManager.getColor("Component.accentColor"));
        PlainText.protect(activity);
        barEnd.add(activity, BorderLayout.CENTER);
        barEnd.add(nickToggle, BorderLayout.EAST);
        bar.add(switcher, BorderLayout.CENTER);
        bar.add(barEnd, BorderLayout.EAST);
        JPanel header = new JPanel(new BorderLayout());
        header.add(bar, BorderLayout.NORTH);
        header.add(topic, BorderLayout.SOUTH);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
        bottom.add(input, BorderLayout.CENTER);

        JPanel content = new JPanel(new BorderLayout());
        content.add(header, BorderLayout.NORTH);
        content.add(chatScroll, BorderLayout.CENTER);
        content.add(nickScroll, BorderLayout.EAST);
        content.add(bottom, BorderLayout.SOUTH);
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                onClose.run();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                placeReadMarker();
                markRead();
            }
        });
        frame.setSize(new Dimension(860, 560));
        frame.setLocationByPlatform(true);
        keys(frame.getRootPane());
        timer = new Timer(TICK_MILLIS, e -> tick());
        timer.setCoalesce(true);
    }

    public void open() {
        tick();
        frame.setVisible(true);
        // The first buffer was shown before the frame had a size: its end is only known once it is laid out.
        SwingUtilities.invokeLater(this::scrollToEnd);
        input.requestFocusInWindow();
        timer.start();
    }

    private void scrollToEnd() {
        if (scrollback.getSize() > 0) {
            chat.ensureIndexIsVisible(scrollback.getSize() - 1);
        }
    }

    /** Puts a control (the features' actions) in the top bar, left of the nick list toggle. */
    public void addBarAction(JComponent control) {
        barEnd.add(control, BorderLayout.WEST);
        barEnd.revalidate();
    }

    @Override
    public JFrame frame() {
        return frame;
    }

    @Override
    public Buffer current() {
        return current;
    }

    @Override
    public void reveal(long bufferId, long line) {
        show(bufferId, true);
        int row = scrollback.indexOf(line);
        if (current != null && current.id() == bufferId && row >= 0) {
            chat.setSelectedIndex(row);
            chat.ensureIndexIsVisible(row);
        }
    }

    /** Stops the timer and releases the window. */
    public void dispose() {
        timer.stop();
        frame.dispose();
    }

    private void tick() {
        boolean list = pending.takeBufferList();
        Set<Long> changed = pending.takeContent();
        if (list) {
            refreshSwitcher();
        }
        if (current != null && changed.contains(current.id())) {
            refreshContent();
            updateMarkerRow();
            if (frame.isActive()) {
                markRead();
            }
        }
    }

    private void refreshSwitcher() {
        List<Buffer> buffers = session.buffers();
        List<BufferChoice> fresh = new ArrayList<>(buffers.size());
        for (Buffer buffer : buffers) {
            fresh.add(BufferChoice.of(buffer));
        }
        if (!fresh.equals(shownChoices)) {
            switching = true;
            try {
                choices.removeAllElements();
                choices.addAll(fresh);
                shownChoices = fresh;
                Long keep = current == null ? null : current.id();
                fresh.stream().filter(c -> Objects.equals(keep, c.id())).findFirst().ifPresent(choices::setSelectedItem);
            } finally {
                switching = false;
            }
        }
        showActivity(fresh);
        if (current == null || session.byId(current.id()).isEmpty()) {
            Optional<BufferChoice> first = fresh.stream().filter(c -> c.type() == BufferType.CHANNEL).findFirst()
                    .or(() -> fresh.stream().findFirst());
            if (first.isPresent()) {
                show(first.get().id(), false);
            } else {
                current = null;
                refreshContent();
            }
        }
    }

    /** Shows a buffer; {@code byUser} when the user picked it (then it counts as read). */
    private void show(long bufferId, boolean byUser) {
        Optional<Buffer> buffer = session.byId(bufferId);
        if (buffer.isEmpty()) {
            return;
        }
        current = buffer.get();
        switching = true;
        try {
            shownChoices.stream().filter(c -> c.id() == bufferId).findFirst().ifPresent(choices::setSelectedItem);
        } finally {
            switching = false;
        }
        refreshContent();
        showActivity(shownChoices);
        chatScroll.getVerticalScrollBar().setValue(chatScroll.getVerticalScrollBar().getMaximum());
        placeReadMarker();
        if (byUser || frame.isActive()) {
            markRead();
        }
    }

    private void refreshContent() {
        JScrollBar bar = chatScroll.getVerticalScrollBar();
        boolean atBottom = bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - chat.getFixedCellHeight();
        scrollback.follow(current);
        if (atBottom && scrollback.getSize() > 0) {
            chat.ensureIndexIsVisible(scrollback.getSize() - 1);
        }
        List<Member> list = current == null ? List.of() : current.members();
        members.replace(list);
        boolean channel = current != null && current.type() == BufferType.CHANNEL;
        nickToggle.setEnabled(channel);
        nickToggle.setText(channel ? "Nicks " + list.size() : "Nicks");
        nickScroll.setVisible(channel && nickToggle.isSelected());
        String shownTopic = channel ? PlainText.line(protocol.stripFormatting(current.topic()), MAX_TOPIC_CHARS) : "";
        topic.setText(shownTopic.isEmpty() ? " " : shownTopic);
        topic.setToolTipText(shownTopic.isEmpty() ? null : shownTopic);
        frame.setTitle(current == null ? "Switchboard"
                : PlainText.line(current.name(), MAX_NAME_CHARS) + " \u00b7 " + PlainText.line(current.network(), MAX_NAME_CHARS) + " \u2014 Switchboard");
        frame.getContentPane().revalidate();
    }

    private void showActivity(List<BufferChoice> all) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (BufferChoice choice : all) {
            if (choice.unread() > 0 && (current == null || choice.id() != current.id())) {
                if (shown++ < 4) {
                    text.append(text.length() == 0 ? "" : "  ").append(PlainText.line(choice.name(), MAX_NAME_CHARS)).append(' ')
                            .append(choice.unread()).append(choice.highlights() > 0 ? "!" : "");
                }
            }
        }
        if (shown > 4) {
            text.append("  +").append(shown - 4);
        }
        activity.setText(text.toString());
    }

    private void showNickList(boolean visible) {
        nickToggle.setSelected(visible);
        nickScroll.setVisible(visible && current != null && current.type() == BufferType.CHANNEL);
        frame.getContentPane().revalidate();
    }

    /** The read position is the session's, so the marker is where the other skin would put it too. */
    private void placeReadMarker() {
        Buffer buffer = current;
        readMarker = buffer == null || buffer.readUpTo() >= buffer.endLine() ? -1 : buffer.readUpTo();
        updateMarkerRow();
    }

    /** Rows move as old lines fall off the scrollback: the marker's row is found again each time. */
    private void updateMarkerRow() {
        cell.setMarkerRow(readMarker < 0 ? -1 : scrollback.indexOf(readMarker));
        chat.repaint();
    }

    /** Row of the read marker, -1 for none (for tests). */
    int readMarkerRow() {
        return readMarker < 0 ? -1 : scrollback.indexOf(readMarker);
    }

    private void markRead() {
        Buffer buffer = current;
        if (buffer != null && (buffer.unreadCount() > 0 || buffer.highlightCount() > 0
                || buffer.readUpTo() < buffer.endLine())) {
            long id = buffer.id();
            background.accept(() -> session.markRead(id));
        }
    }

    private void submit() {
        String text = input.getText();
        Buffer buffer = current;
        if (text.isBlank() || buffer == null) {
            return;
        }
        input.setText("");
        String network = buffer.network();
        String name = buffer.name();
        background.accept(() -> dispatcher.execute(network, name, text));
    }

    private void completeNick() {
        List<String> names = new ArrayList<>(members.getSize());
        for (int i = 0; i < members.getSize(); i++) {
            names.add(members.getElementAt(i).nick());
        }
        NickCompletion.Result result = NickCompletion.complete(input.getText(), input.getCaretPosition(), names);
        if (result != null) {
            input.setText(result.text());
            input.setCaretPosition(result.caret());
        }
    }

    private void step(int delta) {
        int size = choices.getSize();
        if (size == 0) {
            return;
        }
        int at = Math.max(0, switcher.getSelectedIndex());
        switcher.setSelectedIndex(Math.floorMod(at + delta, size));
    }

    private void keys(javax.swing.JRootPane root) {
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_UP, InputEvent.CTRL_DOWN_MASK), "previous", () -> step(-1));
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, InputEvent.CTRL_DOWN_MASK), "next", () -> step(1));
        bind(root, KeyStroke.getKeyStroke(KeyEvent.VK_N, InputEvent.ALT_DOWN_MASK), "nicks",
                () -> showNickList(!nickToggle.isSelected()));
    }

    private static void bind(JComponent root, KeyStroke stroke, String name, Runnable action) {
        root.getInputMap(root instanceof JTextField ? JComponent.WHEN_FOCUSED : JComponent.WHEN_IN_FOCUSED_WINDOW)
                .put(stroke, name);
        root.getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** Switcher rows: server buffers as headings, unread buffers bold, highlighted ones in the accent colour. */
    private static final class ChoiceRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        ChoiceRenderer() {
            PlainText.protect(this);
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean isSelected,
                boolean cellHasFocus) {
            String text = value instanceof BufferChoice choice ? choice.label() : "";
            super.getListCellRendererComponent(list, text, index, isSelected, cellHasFocus);
            if (value instanceof BufferChoice choice) {
                setFont(getFont().deriveFont(choice.unread() > 0 || choice.type() == BufferType.SERVER
                        ? Font.BOLD : Font.PLAIN));
                if (choice.highlights() > 0 && !isSelected) {
                    setForeground(UIManager.getColor("Component.accentColor"));
                } else if (!choice.active() && !isSelected) {
                    setForeground(ChatCell.DIM);
                }
                setBorder(BorderFactory.createEmptyBorder(1, choice.type() == BufferType.SERVER ? 4 : 16, 1, 4));
            }
            return this;
        }
    }

    /** Nick list rows: rank symbol and nick in the nick's colour, away members dimmed. */
    private static final class MemberRenderer extends DefaultListCellRenderer {
        private static final long serialVersionUID = 1L;

        MemberRenderer() {
            PlainText.protect(this);
        }

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean isSelected,
                boolean cellHasFocus) {
            String text = "";
            Member member = value instanceof Member m ? m : null;
            if (member != null) {
                char rank = member.highestPrefix();
                text = (rank == 0 ? " " : String.valueOf(rank)) + PlainText.line(member.nick(), MAX_NICK_CHARS);
            }
            super.getListCellRendererComponent(list, text, index, isSelected, cellHasFocus);
            if (member != null && !isSelected) {
                setForeground(member.away() ? ChatCell.DIM : ChatCell.nickColour(member.nick()));
            }
            return this;
        }
    }
}
