package org.switchboard.ui.swing.window;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferLine;
import org.switchboard.ui.swing.text.LineText;
import org.switchboard.ui.swing.text.SafeText;

/**
 * Ctrl+F: finds text in the scrollback, backwards from what is on screen, in the shown buffer or in all of them.
 * The search itself runs off the event thread; the result comes back with one invokeLater.
 */
final class FindBar extends JPanel {

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 2000;

    /** Where a search starts and what it found. */
    record Hit(Buffer buffer, long seq) {
    }

    /** What the window provides: the buffers to search, where to start, and how to show a hit. */
    interface Host {
        Buffer current();

        long searchStart();

        List<Buffer> allBuffers();

        void show(Hit hit);

        void runInBackground(Runnable task);

        void closeFind();
    }

    private final JTextField query = new JTextField(24);
    private final JCheckBox everywhere = new JCheckBox("All buffers");
    private final JLabel status = SafeText.protect(new JLabel(" "));
    private final transient Host host;
    private final transient UnaryOperator<String> stripFormatting;

    FindBar(Host host, UnaryOperator<String> stripFormatting) {
        super(new BorderLayout());
        this.host = host;
        this.stripFormatting = stripFormatting;
        setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        row.add(new JLabel("Find:"));
        row.add(query);
        row.add(everywhere);
        JButton next = new JButton("Previous match");
        next.addActionListener(e -> search());
        row.add(next);
        row.add(status);
        add(row, BorderLayout.CENTER);
        JButton close = new JButton("×");
        close.addActionListener(e -> host.closeFind());
        add(close, BorderLayout.EAST);
        query.addActionListener(e -> search());
        query.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close-find");
        query.getActionMap().put("close-find", new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                host.closeFind();
            }
        });
    }

    JComponent focusTarget() {
        return query;
    }

    private void search() {
        String needle = query.getText().strip().toLowerCase(Locale.ROOT);
        Buffer current = host.current();
        if (needle.isEmpty() || current == null) {
            return;
        }
        long start = host.searchStart();
        List<Buffer> others = everywhere.isSelected() ? host.allBuffers() : List.of();
        status.setText("Searching…");
        host.runInBackground(() -> {
            Hit hit = find(current, start, needle);
            for (int i = 0; hit == null && i < others.size(); i++) {
                Buffer other = others.get(i);
                if (other.id() != current.id()) {
                    hit = find(other, other.endLine(), needle);
                }
            }
            Hit result = hit;
            SwingUtilities.invokeLater(() -> {
                status.setText(result == null ? "Not found" : " ");
                if (result != null) {
                    host.show(result);
                }
            });
        });
    }

    /** The newest line before {@code before} that contains {@code needle}, ignoring case and formatting. */
    Hit find(Buffer buffer, long before, String needle) {
        long end = Math.min(before, buffer.endLine());
        while (end > buffer.firstLine()) {
            long from = Math.max(buffer.firstLine(), end - CHUNK);
            List<BufferLine> lines = buffer.lines(from, end);
            for (int i = lines.size() - 1; i >= 0; i--) {
                BufferLine line = lines.get(i);
                String text = stripFormatting.apply(LineText.body(line)).toLowerCase(Locale.ROOT);
                if (text.contains(needle) || (line.nick() != null && line.nick().toLowerCase(Locale.ROOT).equals(needle))) {
                    return new Hit(buffer, from + i);
                }
            }
            end = from;
        }
        return null;
    }
}
