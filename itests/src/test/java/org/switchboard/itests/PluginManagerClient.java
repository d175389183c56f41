package org.switchboard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The running client's PluginManager, called reflectively like every API service here (see {@link ClientRuntime}).
 * Operations wait for their outcome; plugin records are read through their accessors.
 */
final class PluginManagerClient {

    static final String MANAGER = "org.switchboard.api.plugins.PluginManager";
    static final String PLUGIN_EXCEPTION = "org.switchboard.api.plugins.PluginException";

    private final ClientRuntime client;

    PluginManagerClient(ClientRuntime client) {
        this.client = client;
    }

    private Object manager() throws InterruptedException {
        return client.service(MANAGER, null);
    }

    List<?> plugins() throws InterruptedException {
        return (List<?>) client.call(manager(), MANAGER, "plugins");
    }

    /** The listed plugin of a symbolic name, if it is installed. */
    Optional<Object> listed(String symbolicName) throws InterruptedException {
        return plugins().stream().filter(p -> symbolicName.equals(ClientRuntime.get(p, "symbolicName")))
                .map(p -> (Object) p).findFirst();
    }

    Object plugin(String symbolicName) throws InterruptedException {
        return listed(symbolicName).orElseThrow(() -> new AssertionError(symbolicName + " is not listed"));
    }

    /** Runs an operation (start, stop, update, uninstall with a name; install with a Path) and returns the outcome. */
    Object run(String operation, Object argument) throws Exception {
        try {
            return stage(operation, argument).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(operation + " " + argument + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Runs an operation that must fail with a PluginException; returns its message. */
    String failing(String operation, Object argument) throws Exception {
        try {
            Object outcome = stage(operation, argument).toCompletableFuture().get(60, TimeUnit.SECONDS);
            return fail(operation + " " + argument + " should have failed, but gave " + outcome);
        } catch (ExecutionException e) {
            assertEquals(PLUGIN_EXCEPTION, e.getCause().getClass().getName(), "the failure is a PluginException");
            return e.getCause().getMessage();
        }
    }

    private CompletionStage<?> stage(String operation, Object argument) throws InterruptedException {
        return (CompletionStage<?>) client.call(manager(), MANAGER, operation,
                argument instanceof Path path ? path : String.valueOf(argument));
    }

    static String state(Object plugin) {
        return String.valueOf(ClientRuntime.get(plugin, "state"));
    }

    static String text(Object plugin, String accessor) {
        return String.valueOf(ClientRuntime.get(plugin, accessor));
    }

    static long failures(Object plugin) {
        return (Long) ClientRuntime.get(plugin, "callbackFailures");
    }

    /** "KIND: message" for each problem. */
    static List<String> problems(Object plugin) {
        return ((List<?>) ClientRuntime.get(plugin, "problems")).stream()
                .map(p -> ClientRuntime.get(p, "kind") + ": " + ClientRuntime.get(p, "message")).toList();
    }
}
