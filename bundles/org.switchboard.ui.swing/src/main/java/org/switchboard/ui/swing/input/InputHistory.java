package org.switchboard.ui.swing.input;

import java.util.ArrayList;
import java.util.List;

/** The lines typed in one buffer, walked with Up and Down like a shell history. Event thread only. */
public final class InputHistory {

    private static final int LIMIT = 200;

    private final List<String> entries = new ArrayList<>();
    /** Position while walking: entries.size() means "the line being typed". */
    private int position;
    private String draft = "";

    public void add(String line) {
        if (line.isBlank()) {
            return;
        }
        if (entries.isEmpty() || !entries.get(entries.size() - 1).equals(line)) {
            entries.add(line);
            if (entries.size() > LIMIT) {
                entries.remove(0);
            }
        }
        position = entries.size();
        draft = "";
    }

    /** The older entry, or {@code current} unchanged at the oldest. */
    public String previous(String current) {
        if (position == entries.size()) {
            draft = current;
        }
        if (position == 0) {
            return current;
        }
        position--;
        return entries.get(position);
    }

    /** The newer entry; past the newest, the line that was being typed before walking began. */
    public String next(String current) {
        if (position >= entries.size()) {
            return current;
        }
        position++;
        return position == entries.size() ? draft : entries.get(position);
    }
}
