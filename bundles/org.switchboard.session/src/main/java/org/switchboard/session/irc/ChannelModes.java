package org.switchboard.session.irc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.switchboard.api.irc.Isupport;
import org.switchboard.api.irc.ModeChange;

/** Keeps a channel's mode string ({@code "+klnt key 50"}) up to date as MODE changes arrive. */
final class ChannelModes {

    private ChannelModes() {
    }

    static String apply(String current, List<ModeChange> changes, Isupport.ChanModes chanmodes) {
        String withArgument = chanmodes == null ? "kl" : chanmodes.b() + chanmodes.c();
        Map<Character, String> modes = parse(current, withArgument);
        String listModes = chanmodes == null ? "beI" : chanmodes.a();
        for (ModeChange change : changes) {
            if (listModes.indexOf(change.mode()) >= 0) {
                continue; // bans and exceptions are lists, not part of the mode string
            }
            if (change.adding()) {
                modes.put(change.mode(), change.argument());
            } else {
                modes.remove(change.mode());
            }
        }
        return format(modes);
    }

    private static Map<Character, String> parse(String current, String withArgument) {
        Map<Character, String> modes = new TreeMap<>();
        if (current == null || current.isEmpty()) {
            return modes;
        }
        String[] parts = current.split(" ");
        String letters = parts[0].startsWith("+") ? parts[0].substring(1) : parts[0];
        int arg = 1;
        for (char c : letters.toCharArray()) {
            String argument = null;
            if (withArgument.indexOf(c) >= 0 && arg < parts.length) {
                argument = parts[arg++];
            }
            modes.put(c, argument);
        }
        return modes;
    }

    private static String format(Map<Character, String> modes) {
        if (modes.isEmpty()) {
            return "";
        }
        StringBuilder letters = new StringBuilder("+");
        StringBuilder args = new StringBuilder();
        for (Map.Entry<Character, String> entry : modes.entrySet()) {
            letters.append(entry.getKey());
            if (entry.getValue() != null) {
                args.append(' ').append(entry.getValue());
            }
        }
        return letters.append(args).toString();
    }
}
