package org.switchboard.plugins.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.switchboard.api.plugins.PluginException;
import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;
import org.switchboard.api.plugins.PluginState;
import org.switchboard.api.ui.PlainText;

class PluginTableModelTest {

    private static final PluginInfo JOIN = plugin(12, "org.switchboard.feature.join", PluginRole.FEATURE,
            PluginState.ACTIVE, List.of());
    private static final PluginInfo BROKEN = plugin(40, "<html><img src=x>", PluginRole.FEATURE, PluginState.INSTALLED,
            List.of(new PluginProblem(PluginProblem.Kind.UNRESOLVED, "Does not resolve: nothing installed provides "
                    + "package org.nowhere"), new PluginProblem(PluginProblem.Kind.OPERATION_FAILED, "Could not start")));
    private static final PluginInfo SESSION = plugin(9, "org.switchboard.session", PluginRole.CORE, PluginState.ACTIVE,
            List.of());

    private final PluginTableModel model = new PluginTableModel();

    @Test
    void theCoreIsHiddenUntilAskedFor() {
        assertTrue(model.update(List.of(JOIN, BROKEN, SESSION)));
        assertEquals(2, model.getRowCount());
        assertEquals(-1, model.rowOf(9));
        model.setShowCore(true);
        assertEquals(3, model.getRowCount());
        assertEquals(2, model.rowOf(9));
        assertEquals("Core", model.getValueAt(2, 3));
    }

    @Test
    void theSameListChangesNothing() {
        assertTrue(model.update(List.of(JOIN, BROKEN)));
        assertFalse(model.update(List.of(JOIN, BROKEN)), "equal lists: no repaint");
        assertTrue(model.update(List.of(JOIN.withState(PluginState.RESOLVED), BROKEN)));
        assertEquals("Stopped", model.getValueAt(0, PluginTableModel.STATE_COLUMN));
    }

    @Test
    void cellsShowStateOriginFailuresAndTheFirstProblemAsPlainText() {
        model.update(List.of(JOIN, BROKEN));
        assertEquals("Active", model.getValueAt(0, PluginTableModel.STATE_COLUMN));
        assertEquals("bundle/", model.getValueAt(0, 5));
        assertEquals(3L, model.getValueAt(1, PluginTableModel.FAILURES_COLUMN));
        assertEquals("Installed", model.getValueAt(1, PluginTableModel.STATE_COLUMN));
        assertEquals("Does not resolve: nothing installed provides package org.nowhere (+1 more)",
                model.getValueAt(1, 7));
        assertFalse(PlainText.looksLikeHtml((String) model.getValueAt(1, 1)), "a bundle name is never HTML");
    }

    @Test
    void failuresAreShownAsTheManagersMessageNeverAStackTrace() {
        assertEquals("Refused: core", PluginsDialog.message(new CompletionException(new PluginException("Refused: core"))));
        assertEquals("Failed: IllegalStateException: odd", PluginsDialog.message(new IllegalStateException("odd")));
    }

    private static PluginInfo plugin(long id, String symbolicName, PluginRole role, PluginState state,
            List<PluginProblem> problems) {
        return new PluginInfo(id, symbolicName, "1.0.0", symbolicName, state, role, PluginOrigin.BUNDLE_FOLDER,
                "file:/sb/bundle/" + id + ".jar", problems.size() + 1L, problems);
    }
}
