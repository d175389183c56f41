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
        List<String> names = names(properties);
        if (names.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Command handler " + handler + " has no "
                    + CommandHandler.NAME_PROPERTY + " property; ignored");
            return;
        }
        String name = names.get(0);
        String usage = stringProperty(properties, CommandHandler.USAGE_PROPERTY);
        commands.put(name, new Entry(handler, new CommandInfo(name, usage,
                stringProperty(properties, CommandHandler.DESCRIPTION_PROPERTY))));
        for (String alias : names.subList(1, names.size())) {
            commands.put(alias, new Entry(handler, new CommandInfo(alias, "/" + alias, "Same as /" + name)));
        }
    }

    public void remove(CommandHandler handler, Map<String, ?> properties) {
        for (String name : names(properties)) {
            // Only the handler that owns the name may remove it; a replacement bound meanwhile stays.
            commands.computeIfPresent(name, (k, entry) -> entry.handler() == handler ? null : entry);
        }
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

    /** The command's name and then its aliases ({@code command.name} given more than once), normalised. */
    private static List<String> names(Map<String, ?> properties) {
        Object value = properties.get(CommandHandler.NAME_PROPERTY);
        List<String> names = new ArrayList<>();
        for (Object name : value instanceof String[] array ? array : new Object[] {value}) {
            String key = name == null ? "" : normalise(name.toString());
            if (!key.isEmpty() && !names.contains(key)) {
                names.add(key);
            }
        }
        return names;
    }

    private static String stringProperty(Map<String, ?> properties, String key) {
        Object value = properties.get(key);
        if (value instanceof String[] array) {
            return array.length == 0 ? "" : array[0];
        }
        return value == null ? "" : value.toString();
    }
}
