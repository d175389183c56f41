package org.switchboard.ui.swing.window;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.swing.JTree;
import javax.swing.UIManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

import org.switchboard.api.session.Buffer;
import org.switchboard.api.session.BufferType;
import org.switchboard.ui.swing.text.SafeText;

/**
 * Networks and their buffers. A network's node is its server buffer; channels and queries hang below it. Names
 * show unread counts; buffers with a highlight are drawn in the highlight colour, those with unread messages
 * bold, inactive ones greyed. Event thread only.
 */
final class BufferTree extends JTree {

    private static final long serialVersionUID = 1L;

    private final DefaultMutableTreeNode root = new DefaultMutableTreeNode("Switchboard");
    private final DefaultTreeModel model = new DefaultTreeModel(root);
    private final Map<Long, DefaultMutableTreeNode> nodes = new LinkedHashMap<>();
    private boolean rebuilding;

    /**
     * @param networkLabel a network's name as shown, by its configured name (the network's own name, from the
     *                     server's ISUPPORT, for one known only by its address)
     */
    BufferTree(Consumer<Buffer> onSelect, UnaryOperator<String> networkLabel) {
        setModel(model);
        setRootVisible(false);
        setShowsRootHandles(true);
        getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        setCellRenderer(new Renderer(networkLabel));
        SafeText.protect(this);
        ToolTipSupport.register(this);
        addTreeSelectionListener(e -> {
            if (!rebuilding) {
                selected().ifPresent(onSelect);
            }
        });
    }

    /** Rebuilds the tree from the session's buffer list, keeping the selection. */
    void rebuild(List<Buffer> buffers) {
        Optional<Buffer> keep = selected();
        rebuilding = true;
        try {
            root.removeAllChildren();
            nodes.clear();
            DefaultMutableTreeNode network = null;
            for (Buffer buffer : buffers) {
                DefaultMutableTreeNode node = new DefaultMutableTreeNode(buffer);
                if (buffer.type() == BufferType.SERVER || network == null) {
                    root.add(node);
                    network = node;
                } else {
                    network.add(node);
                }
                nodes.put(buffer.id(), node);
            }
            model.reload();
            for (int i = 0; i < getRowCount(); i++) {
                expandRow(i);
            }
            keep.ifPresent(b -> select(b.id()));
        } finally {
            rebuilding = false;
        }
    }

    /** Repaints the rows whose counts changed. */
    void activityChanged(Set<Long> bufferIds) {
        for (Long id : bufferIds) {
            DefaultMutableTreeNode node = nodes.get(id);
            if (node != null) {
                model.nodeChanged(node);
            }
        }
    }

    void select(long bufferId) {
        DefaultMutableTreeNode node = nodes.get(bufferId);
        if (node != null) {
            TreePath path = new TreePath(node.getPath());
            setSelectionPath(path);
            scrollPathToVisible(path);
        }
    }

    Optional<Buffer> selected() {
        TreePath path = getSelectionPath();
        if (path == null || !(path.getLastPathComponent() instanceof DefaultMutableTreeNode node)
                || !(node.getUserObject() instanceof Buffer buffer)) {
            return Optional.empty();
        }
        return Optional.of(buffer);
    }

    /** Buffers in display order, for keyboard navigation. */
    List<Buffer> inOrder() {
        List<Buffer> result = new ArrayList<>();
        for (DefaultMutableTreeNode node : nodes.values()) {
            result.add((Buffer) node.getUserObject());
        }
        return result;
    }

    static final class Renderer extends DefaultTreeCellRenderer {
        private static final long serialVersionUID = 1L;

        private final transient UnaryOperator<String> networkLabel;

        Renderer(UnaryOperator<String> networkLabel) {
            this.networkLabel = networkLabel;
            SafeText.protect(this);
        }

        @Override
        public Component getTreeCellRendererComponent(JTree tree, Object value, boolean selected,
                boolean expanded, boolean leaf, int row, boolean hasFocus) {
            super.getTreeCellRendererComponent(tree, "", selected, expanded, leaf, row, hasFocus);
            Object user = value instanceof DefaultMutableTreeNode node ? node.getUserObject() : value;
            setIcon(null);
            if (!(user instanceof Buffer buffer)) {
                setText(SafeText.display(String.valueOf(user)));
                return this;
            }
            int unread = buffer.unreadCount();
            int highlights = buffer.highlightCount();
            String shown = buffer.type() == BufferType.SERVER ? networkLabel.apply(buffer.network()) : buffer.name();
            String name = SafeText.display(shown);
            setText(unread > 0 ? name + "  (" + unread + ")" : name);
            String tip = switch (buffer.type()) {
                case CHANNEL -> buffer.name() + " — " + MainWindow.count(buffer.memberCount(), "user");
                case SERVER -> shown.equals(buffer.name()) ? shown : shown + " — " + buffer.name();
                default -> buffer.name();
            };
            setToolTipText(SafeText.display(tip));
            Font base = tree.getFont();
            setFont(unread > 0 || buffer.type() == BufferType.SERVER ? base.deriveFont(Font.BOLD) : base);
            if (!selected) {
                Color colour;
                boolean dark = com.formdev.flatlaf.FlatLaf.isLafDark();
                if (highlights > 0) {
                    colour = dark ? new Color(0xFF7B72) : new Color(0xD32F2F);
                } else if (unread > 0) {
                    colour = dark ? new Color(0x79C0FF) : new Color(0x1565C0);
                } else if (!buffer.active()) {
                    colour = UIManager.getColor("Label.disabledForeground");
                } else {
                    colour = UIManager.getColor("Tree.foreground");
                }
                if (colour != null) {
                    setForeground(colour);
                }
            }
            return this;
        }
    }
}
