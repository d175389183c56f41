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
