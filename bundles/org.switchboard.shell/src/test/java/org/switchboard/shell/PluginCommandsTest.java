package org.switchboard.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginManager;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;
import org.switchboard.api.plugins.PluginState;

class PluginCommandsTest {

    private static final PluginInfo JOIN = new PluginInfo(12, "org.switchboard.feature.join", "0.1.0", "Join",
            PluginState.ACTIVE, PluginRole.FEATURE, PluginOrigin.BUNDLE_FOLDER, "file:/sb/bundle/join.jar", 0, List.of());
    private static final PluginInfo THROWER = new PluginInfo(40, "org.example.thrower", "1.0.0", "Thrower",
            PluginState.ACTIVE, PluginRole.FEATURE, PluginOrigin.PLUGINS_FOLDER, "file:/sb/plugins/t.jar", 1234,
            List.of(new PluginProblem(PluginProblem.Kind.CALLBACK_FAILED, "IrcMessageListener PRIVMSG threw boom"),
                new PluginProblem(PluginProblem.Kind.CALLBACK_BLOCKED, "/block took 3 s")));
    private static final PluginInfo SESSION = new PluginInfo(9, "org.switchboard.session", "0.1.0", "Session",
            PluginState.ACTIVE, PluginRole.CORE, PluginOrigin.BUNDLE_FOLDER, "file:/sb/bundle/session.jar", 0, List.of());

    private final FakeManager fake = new FakeManager();
    private final PluginCommands commands = new PluginCommands();

    PluginCommandsTest() {
        commands.manager = fake;
    }

    @Test
    void pluginsListsEveryBundleWithItsFirstProblem() {
        String table = commands.plugins();
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size(), table);
        assertTrue(lines.get(0).startsWith("ID  PLUGIN"), lines.get(0));
        assertTrue(lines.get(1).matches("12 +org.switchboard.feature.join +0.1.0 +feature +active +bundle/ +0"), lines.get(1));
        assertTrue(lines.get(2).matches("40 +org.example.thrower +1.0.0 +feature +active +plugins/ +1234 +"
                + "IrcMessageListener PRIVMSG threw boom \\(\\+1 more\\)"), lines.get(2));
        assertTrue(lines.get(3).matches("9 +org.switchboard.session +0.1.0 +core +active +bundle/ +0"), lines.get(3));
    }

    @Test
    void pluginShowsOneInFull() {
        String details = commands.plugin("thrower");
        assertEquals(List.of("org.example.thrower 1.0.0 (id 40): Thrower", "state     active", "role      feature",
                "from      plugins/ file:/sb/plugins/t.jar", "failures  1234",
                "problem   callback failed: IrcMessageListener PRIVMSG threw boom",
                "problem   callback blocked: /block took 3 s"), details.lines().toList());
        assertTrue(commands.plugin("session").contains("role      core (protected:"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> commands.plugin("nope"));
        assertEquals("No plugin named 'nope'; irc:plugins lists them", unknown.getMessage());
    }

    @Test
    void operationsGoToTheManagerByNameAndSayTheOutcome() {
        assertEquals("Stopped org.switchboard.feature.join 0.1.0, now stopped", commands.plugin("stop", "join"));
        assertEquals("Started org.switchboard.feature.join 0.1.0, now active", commands.plugin("START", "join"));
        assertEquals("Updated org.switchboard.feature.join 0.1.0, now active", commands.plugin("update", "join"));
        assertEquals("Uninstalled org.switchboard.feature.join 0.1.0 (it ships in the installation's bundle/ folder "
                + "and comes back at the next start)", commands.plugin("uninstall", "join"));
        assertEquals("Installed org.example.thrower 1.0.0, now active (copied into the plugins folder)",
                commands.plugin("install", "file:/tmp/t.jar"));
        assertEquals(List.of("stop join", "start join", "update join", "uninstall join", "install /tmp/t.jar"),
                fake.calls);
    }

    @Test
    void aRefusalOrAnUnknownOperationIsAnErrorForTheUser() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> commands.plugin("stop", "session"));
        assertEquals("Refused: org.switchboard.session is part of the client's core", refused.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> commands.plugin("restart", "join"));
        assertTrue(unknown.getMessage().startsWith("No plugin operation 'restart'. Usage: irc:plugin <name>"));
        commands.manager = null;
        assertEquals("The plugin manager (org.switchboard.plugins) is not running",
                assertThrows(IllegalStateException.class, commands::plugins).getMessage());
    }

    @Test
    void filesAreGivenAsPathsOrFileUris() {
        assertEquals(Path.of("/tmp/x.jar"), PluginCommands.path("file:///tmp/x.jar"));
        assertEquals(Path.of("x.jar").toAbsolutePath(), PluginCommands.path("x.jar"));
    }

    /** Through Gogo's own method resolution: one word picks the details, two pick an operation. */
    @Test
    void gogoPicksTheOverloadByTheNumberOfWords() throws Exception {
        ThreadIOImpl threadIo = new ThreadIOImpl();
        threadIo.start();
        try {
            CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
            processor.addCommand("irc", commands, "plugins");
            processor.addCommand("irc", commands, "plugin");
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                    new ByteArrayOutputStream(), new ByteArrayOutputStream());
            assertTrue(String.valueOf(session.execute("irc:plugins")).contains("org.example.thrower"));
            assertTrue(String.valueOf(session.execute("irc:plugin join")).startsWith("org.switchboard.feature.join"));
            assertEquals("Stopped org.switchboard.feature.join 0.1.0, now stopped", session.execute("irc:plugin stop join"));
            session.close();
        } finally {
            threadIo.stop();
        }
    }

    private static final class FakeManager implements PluginManager {
        final List<String> calls = new ArrayList<>();

        @Override
        public List<PluginInfo> plugins() {
            return List.of(JOIN, THROWER, SESSION);
        }

        @Override
        public PluginInfo find(String plugin) {
            return plugins().stream().filter(p -> p.symbolicName().endsWith(plugin)).findFirst()
                    .orElseThrow(() -> new PluginException("No plugin named '" + plugin + "'"));
        }

        @Override
        public CompletionStage<PluginInfo> install(Path jar) {
            calls.add("install " + jar);
            return CompletableFuture.completedFuture(THROWER);
        }

        @Override
        public CompletionStage<PluginInfo> start(String plugin) {
            return operation("start", plugin, PluginState.ACTIVE);
        }

        @Override
        public CompletionStage<PluginInfo> stop(String plugin) {
            return operation("stop", plugin, PluginState.RESOLVED);
        }

        @Override
        public CompletionStage<PluginInfo> update(String plugin) {
            return operation("update", plugin, PluginState.ACTIVE);
        }

        @Override
        public CompletionStage<PluginInfo> uninstall(String plugin) {
            return operation("uninstall", plugin, PluginState.UNINSTALLED);
        }

        private CompletionStage<PluginInfo> operation(String verb, String plugin, PluginState after) {
            calls.add(verb + " " + plugin);
            PluginInfo found = find(plugin);
            if (found.isProtected()) {
                return CompletableFuture.failedFuture(new PluginException("Refused: " + found.symbolicName()
                        + " is part of the client's core"));
            }
            return CompletableFuture.completedFuture(found.withState(after));
        }
    }
}
