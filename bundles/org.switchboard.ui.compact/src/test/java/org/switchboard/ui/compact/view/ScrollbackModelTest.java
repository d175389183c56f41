package org.switchboard.ui.compact.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

import org.junit.jupiter.api.Test;

class ScrollbackModelTest {

    private final ScrollbackModel model = new ScrollbackModel();
    private final List<String> events = new ArrayList<>();

    ScrollbackModelTest() {
        model.addListDataListener(new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                events.add("+" + e.getIndex0() + ".." + e.getIndex1());
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                events.add("-" + e.getIndex0() + ".." + e.getIndex1());
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                events.add("~");
            }
        });
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < model.getSize(); i++) {
            texts.add(model.getElementAt(i).text());
        }
        return texts;
    }

    @Test
    void appendsOnlyNewLines() {
        FakeBuffer buffer = new FakeBuffer(1, 100);
        buffer.append("a");
        buffer.append("b");
        model.follow(buffer);
        buffer.append("c");
        model.follow(buffer);
        model.follow(buffer);
        assertEquals(List.of("a", "b", "c"), texts());
        assertEquals(List.of("+0..1", "+2..2"), events);
    }

    @Test
    void dropsLinesThatFellOffTheScrollback() {
        FakeBuffer buffer = new FakeBuffer(1, 3);
        buffer.append("a");
        buffer.append("b");
        buffer.append("c");
        model.follow(buffer);
        buffer.append("d");
        buffer.append("e");
        model.follow(buffer);
        assertEquals(List.of("c", "d", "e"), texts());
        assertEquals(List.of("+0..2", "-0..1", "+1..2"), events);
    }

    @Test
    void gapOrOtherBufferReloadsEverything() {
        FakeBuffer buffer = new FakeBuffer(1, 2);
        buffer.append("a");
        model.follow(buffer);
        for (String s : List.of("b", "c", "d", "e")) {
            buffer.append(s);
        }
        model.follow(buffer);
        assertEquals(List.of("d", "e"), texts());
        FakeBuffer other = new FakeBuffer(2, 10);
        other.append("x");
        model.follow(other);
        assertEquals(List.of("x"), texts());
        model.follow(null);
        assertEquals(0, model.getSize());
    }

    @Test
    void aFloodIsNotReadUntilItsRowsArePainted() {
        FakeBuffer buffer = new FakeBuffer(1, 10_000);
        model.follow(buffer);
        for (int tick = 0; tick < 100; tick++) {
            for (int i = 0; i < 1000; i++) {
                buffer.append("line " + (tick * 1000 + i));
            }
            model.follow(buffer);
        }
        assertEquals(10_000, model.getSize());
        assertEquals(0, buffer.linesRead, "the model keeps no lines of its own");
        // The list paints the last screenful: one page is read, and rows of that page are not read again.
        for (int row = model.getSize() - 40; row < model.getSize(); row++) {
            assertEquals("line " + (90_000 + row), model.getElementAt(row).text());
        }
        assertEquals(40, buffer.linesRead);
    }

    @Test
    void aRowWhoseLineFellOffSinceTheTickIsBlank() {
        FakeBuffer buffer = new FakeBuffer(1, 3);
        buffer.append("a");
        buffer.append("b");
        buffer.append("c");
        model.follow(buffer);
        buffer.append("d");
        assertEquals("", model.getElementAt(0).text(), "a is gone; the next tick removes its row");
        assertEquals("b", model.getElementAt(1).text());
    }

    @Test
    void findsTheRowOfALineBySequenceNumberWhileItIsHeld() {
        FakeBuffer buffer = new FakeBuffer(1, 3);
        for (String text : List.of("a", "b", "c", "d")) {
            buffer.append(text);
        }
        model.follow(buffer);
        assertEquals(-1, model.indexOf(0), "fell off the scrollback");
        assertEquals(0, model.indexOf(1));
        assertEquals("d", model.getElementAt(model.indexOf(3)).text());
        assertEquals(-1, model.indexOf(4), "not there yet");
    }
}
