package org.switchboard.plugins.dialog;

import java.util.List;
import java.util.Locale;

import javax.swing.table.AbstractTableModel;

import org.switchboard.api.plugins.PluginInfo;
import org.switchboard.api.plugins.PluginOrigin;
import org.switchboard.api.plugins.PluginProblem;
import org.switchboard.api.plugins.PluginRole;
import org.switchboard.api.plugins.PluginState;
import org.switchboard.api.ui.PlainText;

/** The rows of the Plugins dialog: one plugin each, the core only when asked for. */
final class PluginTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;
    static final String[] COLUMNS = { "Plugin", "Symbolic name", "Version", "Role", "State", "From", "Failures",
        "Problems" };
    static final int STATE_COLUMN = 4;
    static final int FAILURES_COLUMN = 6;
    /** Bundle names and problem texts come from plugin authors: one line, and never longer than this. */
    private static final int MAX_DISPLAY_CHARS = 400;

    /** Text from a plugin (its name, a problem) fit for one line of a Swing component: never HTML, no controls. */
    static String display(String text) {
        return PlainText.line(text, MAX_DISPLAY_CHARS);
    }

    private transient List<PluginInfo> all = List.of();
    private transient List<PluginInfo> shown = List.of();
    private boolean showCore;

    /** Takes a new list; returns false (and changes nothing) when it is the one already shown. */
    boolean update(List<PluginInfo> plugins) {
        if (plugins.equals(all)) {
            return false;
        }
        all = plugins;
        filter();
        return true;
    }

    void setShowCore(boolean show) {
        showCore = show;
        filter();
    }

    private void filter() {
        shown = showCore ? all : all.stream().filter(p -> p.role() != PluginRole.CORE).toList();
        fireTableDataChanged();
    }

    PluginInfo plugin(int row) {
        return shown.get(row);
    }

    /** The row showing a bundle id, or -1. */
    int rowOf(long id) {
        for (int row = 0; row < shown.size(); row++) {
            if (shown.get(row).id() == id) {
                return row;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return shown.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == FAILURES_COLUMN ? Long.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        PluginInfo p = shown.get(row);
        return switch (column) {
            case 0 -> display(p.name());
            case 1 -> display(p.symbolicName());
            case 2 -> display(p.version());
            case 3 -> role(p.role());
            case STATE_COLUMN -> state(p.state());
            case 5 -> origin(p.origin());
            case FAILURES_COLUMN -> p.callbackFailures();
            default -> display(problems(p));
        };
    }

    private static String problems(PluginInfo p) {
        List<PluginProblem> problems = p.problems();
        if (problems.isEmpty()) {
            return "";
        }
        return problems.get(0).message() + (problems.size() > 1 ? " (+" + (problems.size() - 1) + " more)" : "");
    }

    static String role(PluginRole role) {
        return switch (role) {
            case FEATURE -> "Feature";
            case UI_SKIN -> "Skin";
            case CORE -> "Core";
        };
    }

    static String state(PluginState state) {
        return switch (state) {
            case RESOLVED -> "Stopped";
            default -> state.name().charAt(0) + state.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    static String origin(PluginOrigin origin) {
        return switch (origin) {
            case FRAMEWORK -> "framework";
            case BUNDLE_FOLDER -> "bundle/";
            case PLUGINS_FOLDER -> "plugins/";
            case OTHER -> "elsewhere";
        };
    }
}
