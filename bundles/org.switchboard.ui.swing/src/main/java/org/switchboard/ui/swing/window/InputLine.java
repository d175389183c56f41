package org.switchboard.ui.swing.window;

import java.awt.event.ActionEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javax.swing.AbstractAction;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.Member;
import org.switchboard.ui.swing.input.Completer;
import org.switchboard.ui.swing.input.InputHistory;

/** The line the user types into: Enter sends, Up/Down walk the buffer's history, Tab completes. */
final class InputLine extends JTextField {

    private static final long serialVersionUID = 1L;

    private final Map<Long, InputHistory> histories = new HashMap<>();
    private final Completer completer = new Completer();
    private Buffer buffer;

    /**
     * @param submit   receives the buffer and the typed line; it must not block the event thread
     * @param nicks    the current nick list
     * @param commands the registered command names
     */
    InputLine(BiConsumer<Buffer, String> submit, Supplier<List<Member>> nicks, Supplier<List<String>> commands) {
        setFocusTraversalKeysEnabled(false);
        putClientProperty("JTextField.placeholderText", "Type a message, or /help");
        addActionListener(e -> {
            String text = getText();
            if (buffer == null || text.isEmpty()) {
                return;
            }
            history().add(text);
            setText("");
            submit.accept(buffer, text);
        });
        bind(KeyEvent.VK_UP, "history-previous", () -> setText(history().previous(getText())));
        bind(KeyEvent.VK_DOWN, "history-next", () -> setText(history().next(getText())));
        bind(KeyEvent.VK_TAB, "complete", () -> {
            List<String> names = new ArrayList<>();
            for (Member member : nicks.get()) {
                names.add(member.nick());
            }
            Completer.Result result = completer.complete(getText(), getCaretPosition(), names, commands.get());
            if (result != null) {
                setText(result.text());
                setCaretPosition(result.caret());
            }
        });
        addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() != KeyEvent.VK_TAB) {
                    completer.reset();
                }
            }
        });
    }

    private void bind(int key, String name, Runnable action) {
        getInputMap().put(KeyStroke.getKeyStroke(key, 0), name);
        getActionMap().put(name, new AbstractAction() {
            private static final long serialVersionUID = 1L;

            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    private InputHistory history() {
        return histories.computeIfAbsent(buffer == null ? -1L : buffer.id(), id -> new InputHistory());
    }

    void setBuffer(Buffer newBuffer) {
        this.buffer = newBuffer;
        completer.reset();
    }
}
