package org.switchboard.protocol.internal.modes;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.api.irc.Isupport;
import org.switchboard.api.irc.ModeChange;

/**
 * Turns {@code +ov-b nick nick mask} into single changes. Which letters take an argument comes from ISUPPORT:
 * PREFIX modes and CHANMODES groups A and B always (an A mode without one is a list query), group C only when
 * set, group D never. Unknown letters are taken as group D, since guessing an argument would shift every later
 * argument onto the wrong mode.
 */
public final class ModeParser {

    private ModeParser() {
    }

    public static List<ModeChange> parse(List<String> modeAndArguments, Isupport isupport, boolean channel) {
        if (modeAndArguments.isEmpty()) {
            return List.of();
        }
        String modes = modeAndArguments.get(0);
        Isupport.ChanModes groups = isupport.chanmodes();
        String prefixModes = isupport.prefix().modes();
        List<ModeChange> changes = new ArrayList<>(modes.length());
        int nextArgument = 1;
        boolean adding = true;
        for (int i = 0; i < modes.length(); i++) {
            char mode = modes.charAt(i);
            if (mode == '+') {
                adding = true;
                continue;
            }
            if (mode == '-') {
                adding = false;
                continue;
            }
            String argument = null;
            if (channel && takesArgument(mode, adding, groups, prefixModes)
                    && nextArgument < modeAndArguments.size()) {
                argument = modeAndArguments.get(nextArgument++);
            }
            changes.add(new ModeChange(adding, mode, argument));
        }
        return List.copyOf(changes);
    }

    private static boolean takesArgument(char mode, boolean adding, Isupport.ChanModes groups, String prefixModes) {
        if (prefixModes.indexOf(mode) >= 0 || groups.a().indexOf(mode) >= 0 || groups.b().indexOf(mode) >= 0) {
            return true;
        }
        return adding && groups.c().indexOf(mode) >= 0;
    }
}
