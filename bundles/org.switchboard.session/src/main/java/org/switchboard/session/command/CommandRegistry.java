package org.switchboard.session.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.switchboard.api.command.CommandHandler;
import org.switchboard.api.command.CommandInfo;

/**
 * The commands registered right now, by lower-case name. Changes come from SCR's bind/unbind as feature bundles
 * start and stop; lookups from whichever thread runs user input.
 */
public final class CommandRegistry {

    private static final System.Logger LOG = System.getLogger(CommandRegistry.class.getName());

    record Entry(CommandHandler handler, CommandInfo info) {
    }

    private final Map<String, Entry> commands = new ConcurrentHashMap<>();

    public void add(CommandHandler handler, Map<String, ?> properties) {
        String name = stringProperty(properties, CommandHandler.NAME_PROPERTY);
        if (name.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Command handler " + handler + " has no "
                    + CommandHandler.NAME_PROPERTY + " property; ignored");
            return;
        }
        String key = normalise(name);
        CommandInfo info = new CommandInfo(key, stringProperty(properties, CommandHandler.USAGE_PROPERTY),
                stringProperty(properties, CommandHandler.DESCRIPTION_PROPERTY));
        commands.put(key, new Entry(handler, info));
    }

    public void remove(CommandHandler handler, Map<String, ?> properties) {
        String key = normalise(stringProperty(properties, CommandHandler.NAME_PROPERTY));
        // Only the handler that owns the name may remove it; a replacement bound meanwhile stays.
        commands.computeIfPresent(key, (k, entry) -> entry.handler() == handler ? null : entry);
    }

    Entry lookup(String name) {
        return commands.get(normalise(name));
    }

    public boolean has(String name) {
        return name != null && commands.containsKey(normalise(name));
    }

    public List<CommandInfo> infos() {
        List<CommandInfo> result = new ArrayList<>();
        for (Entry entry : commands.values()) {
            result.add(entry.info());
        }
        result.sort(Comparator.comparing(CommandInfo::name));
        return result;
    }

    private static String normalise(String name) {
        String trimmed = name.strip();
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String stringProperty(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof String[] array) {
            return array.length == 0 ? "" : array[0];
        }
        return value == null ? "" : value.toString();
    }
}
