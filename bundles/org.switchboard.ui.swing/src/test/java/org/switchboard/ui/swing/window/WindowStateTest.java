package org.switchboard.ui.swing.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateTest {

    @TempDir
    Path folder;

    @Test
    void sizeAndSplittersSurviveARestart() {
        Path file = folder.resolve("ui/window.properties");
        WindowState state = WindowState.load(file);
        assertEquals(1100, state.bounds().width, "defaults without a file");
        state.update(new Rectangle(10, 20, 900, 600), false, 222, 190);
        state.save(file);
        WindowState again = WindowState.load(file);
        assertEquals(new Rectangle(10, 20, 900, 600), again.bounds());
        assertEquals(222, again.treeWidth());
        assertEquals(190, again.nickListWidth());
        assertFalse(again.maximized());
    }

    @Test
    void aMaximisedWindowKeepsItsNormalBounds() {
        Path file = folder.resolve("w.properties");
        WindowState state = WindowState.load(file);
        state.update(new Rectangle(0, 0, 800, 500), false, 180, 170);
        state.update(new Rectangle(0, 0, 1920, 1080), true, 180, 170);
        state.save(file);
        WindowState again = WindowState.load(file);
        assertTrue(again.maximized());
        assertEquals(800, again.bounds().width);
    }

    @Test
    void aDamagedFileGivesSaneValues() throws IOException {
        Path file = folder.resolve("bad.properties");
        Files.writeString(file, "width=abc\nheight=-5\ntreeWidth=\\u00zz");
        WindowState state = WindowState.load(file);
        assertTrue(state.bounds().width >= 400);
        assertTrue(state.bounds().height >= 300);
        assertTrue(state.treeWidth() >= 60);
    }
}
