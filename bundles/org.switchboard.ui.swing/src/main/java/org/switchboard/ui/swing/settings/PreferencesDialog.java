package org.switchboard.ui.swing.settings;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.io.IOException;
import java.util.function.Consumer;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;

import org.switchboard.ui.swing.settings.SessionSettingsStore.SessionSettings;
import org.switchboard.ui.swing.text.SafeText;

/**
 * Preferences that belong to the session rather than to this skin: highlight words and scrollback size. Loading
 * and saving go through {@code background}; the dialog only shows and edits. Event thread only.
 */
public final class PreferencesDialog extends JDialog {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SCROLLBACK_LINES = 1_000_000;

    private final transient SessionSettingsStore store;
    private final transient Consumer<Runnable> background;
    private final JTextArea highlightWords = new JTextArea(6, 28);
    private final JSpinner scrollbackLines = new JSpinner(new SpinnerNumberModel(
            SessionSettingsStore.DEFAULT_SCROLLBACK_LINES, SessionSettingsStore.MIN_SCROLLBACK_LINES,
            MAX_SCROLLBACK_LINES, 1_000));
    private final JLabel status = SafeText.protect(new JLabel(" "));
    private final JButton save = new JButton("Save");

    public PreferencesDialog(JFrame owner, SessionSettingsStore store, Consumer<Runnable> background) {
        super(owner, "Preferences — Switchboard", false);
        this.store = store;
        this.background = background;
        setName("preferences");
        highlightWords.setName("preferences.highlightWords");
        scrollbackLines.setName("preferences.scrollbackLines");
        save.setName("preferences.save");
        highlightWords.setLineWrap(true);
        highlightWords.setWrapStyleWord(true);

        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(10, 10, 4, 10));
        form.add(new JLabel("Highlight words"), at(0, 0, 0));
        form.add(new JScrollPane(highlightWords), at(1, 0, 1));
        form.add(hint("Besides your nick: one a line or separated by commas; whole words, case ignored"), at(1, 1, 1));
        form.add(new JLabel("Scrollback lines"), at(0, 2, 0));
        JPanel spinnerRow = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        spinnerRow.add(scrollbackLines);
        form.add(spinnerRow, at(1, 2, 1));
        form.add(hint("Kept in memory per buffer; applies to buffers opened from now on"), at(1, 3, 1));

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 4, 4));
        buttons.add(status);
        save.addActionListener(e -> save());
        buttons.add(save);
        JButton close = new JButton("Close");
        close.addActionListener(e -> dispose());
        buttons.add(close);

        getContentPane().add(form, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        setEditable(false);
        pack();
        setLocationRelativeTo(owner);
        load();
    }

    private void load() {
        status.setText("Loading…");
        background.accept(() -> {
            try {
                SessionSettings settings = store.load();
                SwingUtilities.invokeLater(() -> show(settings));
            } catch (IOException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> status.setText("Could not read the settings: " + e.getMessage()));
            }
        });
    }

    private void show(SessionSettings settings) {
        highlightWords.setText(String.join("\n", settings.highlightWords()));
        scrollbackLines.setValue(settings.scrollbackLines());
        setEditable(true);
        status.setText(" ");
    }

    private void save() {
        SessionSettings settings = new SessionSettings(SessionSettingsStore.parseWords(highlightWords.getText()),
                ((Number) scrollbackLines.getValue()).intValue());
        setEditable(false);
        status.setText("Saving…");
        background.accept(() -> {
            String outcome;
            try {
                store.save(settings);
                outcome = "Saved";
            } catch (IOException | RuntimeException e) {
                outcome = "Not saved: " + e.getMessage();
            }
            String shown = outcome;
            SwingUtilities.invokeLater(() -> {
                show(settings);
                status.setText(shown);
            });
        });
    }

    private void setEditable(boolean editable) {
        highlightWords.setEditable(editable);
        scrollbackLines.setEnabled(editable);
        save.setEnabled(editable);
    }

    private static JLabel hint(String text) {
        JLabel hint = new JLabel(text);
        hint.putClientProperty("FlatLaf.styleClass", "small");
        hint.setEnabled(false);
        return hint;
    }

    private static GridBagConstraints at(int x, int y, double weightX) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.weightx = weightX;
        c.weighty = x == 1 && y == 0 ? 1 : 0;
        c.fill = x == 1 && y == 0 ? GridBagConstraints.BOTH : GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.FIRST_LINE_START;
        c.insets = new Insets(y % 2 == 1 ? 0 : 6, 4, 2, 4); // a hint sits close under its field
        return c;
    }
}
