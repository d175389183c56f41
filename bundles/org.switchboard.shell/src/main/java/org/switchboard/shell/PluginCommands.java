package org.switchboard.shell;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginManager;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginState;

/**
 * {@code irc:plugins} and {@code irc:plugin}: bundles by name instead of Gogo's bundle ids, through the plugin
 * manager, so the shell gets what the Plugins dialog gets: roles, origins, problems, failure counts, the core
 * protected, one skin at a time.
 *
 * <p>Gogo calls methods by the command's name and cannot map a hyphenated name ({@code plugin-start}) to one,
 * hence one {@code plugin} command with the operation as its first word: {@code irc:plugin stop feature.join}.
 * Operations wait for their outcome and fail with the manager's message.
 */
@Component(service = PluginCommands.class, property = { "osgi.command.scope=irc", "osgi.command.function=plugins",
    "osgi.command.function=plugin" })
public final class PluginCommands {

    static final long WAIT_SECONDS = 60;
    static final String USAGE = "Usage: irc:plugin <name> | irc:plugin start|stop|update|uninstall <name>"
            + " | irc:plugin install <file.jar>";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PluginManager manager;

    /** {@code irc:plugins}: every bundle with its role, state, origin, failure count and first problem. */
    public String plugins() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "PLUGIN", "VERSION", "ROLE", "STATE", "FROM", "FAILURES", "PROBLEMS"});
        for (PluginInfo plugin : requireManager().plugins()) {
            List<PluginProblem> problems = plugin.problems();
            String first = problems.isEmpty() ? "" : problems.get(0).message()
                    + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
            rows.add(new String[] {Long.toString(plugin.id()), plugin.symbolicName(), plugin.version(),
                lower(plugin.role()), lower(plugin.state()), origin(plugin.origin()),
                Long.toString(plugin.callbackFailures()), first});
        }
        return TextTable.format(rows);
    }

    /** {@code irc:plugin <name>}: one plugin in full, every problem included. */
    public String plugin(String name) {
        PluginInfo plugin;
        try {
            plugin = requireManager().find(name);
        } catch (PluginException e) {
            throw new IllegalArgumentException(e.getMessage() + "; irc:plugins lists them", e);
        }
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder()
                .append(plugin.symbolicName()).append(' ').append(plugin.version()).append(" (id ").append(plugin.id())
                .append("): ").append(plugin.name()).append(nl)
                .append("state     ").append(lower(plugin.state())).append(nl)
                .append("role      ").append(lower(plugin.role())).append(plugin.isProtected()
                        ? " (protected: the plugin manager does not stop, update or uninstall it)" : "").append(nl)
                .append("from      ").append(origin(plugin.origin())).append(' ').append(plugin.location()).append(nl)
                .append("failures  ").append(plugin.callbackFailures());
        if (plugin.problems().isEmpty()) {
            out.append(nl).append("problems  none");
        }
        for (PluginProblem problem : plugin.problems()) {
            out.append(nl).append("problem   ").append(lower(problem.kind())).append(": ").append(problem.message());
        }
        return out.toString();
    }

    /**
     * {@code irc:plugin <operation> <name>}: start, stop, update or uninstall a plugin by name, or
     * {@code irc:plugin install <file>} (copied into plugins/, installed and started).
     */
    public String plugin(String operation, String target) {
        PluginManager m = requireManager();
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "start":
                return "Started " + outcome(m.start(target));
            case "stop":
                return "Stopped " + outcome(m.stop(target));
            case "update":
                return "Updated " + outcome(m.update(target));
            case "uninstall": {
                PluginInfo gone = await(m.uninstall(target));
                return "Uninstalled " + gone.symbolicName() + " " + gone.version()
                        + (gone.origin() == PluginOrigin.BUNDLE_FOLDER
                                ? " (it ships in the installation's bundle/ folder and comes back at the next start)" : "");
            }
            case "install":
                return "Installed " + outcome(m.install(path(target))) + " (copied into the plugins folder)";
            default:
                throw new IllegalArgumentException("No plugin operation '" + operation + "'. " + USAGE);
        }
    }

    private static String outcome(CompletionStage<PluginInfo> stage) {
        PluginInfo plugin = await(stage);
        return plugin.symbolicName() + " " + plugin.version() + ", now " + lower(plugin.state());
    }

    private static PluginInfo await(CompletionStage<PluginInfo> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(cause instanceof PluginException ? cause.getMessage() : cause.toString(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The plugin manager did not finish within " + WAIT_SECONDS
                    + " s; irc:plugins shows where it got to", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the plugin manager", e);
        }
    }

    /** A file path (relative to the client's working folder) or a {@code file:} URI. */
    static Path path(String file) {
        if (file.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(URI.create(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Not a file URI: " + file, e);
            }
        }
        return Path.of(file).toAbsolutePath();
    }

    private PluginManager requireManager() {
        PluginManager m = manager;
        if (m == null) {
            throw new IllegalStateException("The plugin manager (org.switchboard.plugins) is not running");
        }
        return m;
    }

    private static String origin(PluginOrigin origin) {
        return switch (origin) {
            case FRAMEWORK -> "framework";
            case BUNDLE_FOLDER -> "bundle/";
            case PLUGINS_FOLDER -> "plugins/";
            case OTHER -> "other";
        };
    }

    private static String lower(Enum<?> value) {
        return value == PluginState.RESOLVED ? "stopped" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
