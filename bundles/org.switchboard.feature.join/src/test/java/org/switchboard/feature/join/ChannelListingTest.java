package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.swing.event.TableModelEvent;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;

/** Rows collected on one thread and taken in batches on another: nothing lost, one model event per batch. */
class ChannelListingTest {

    private final ChannelListing listing = new ChannelListing();

    private static ChannelEntry entry(int i) {
        return new ChannelEntry("#c" + i, i % 500, "topic " + i);
    }

    @Test
    void aBatchHoldsWhatArrivedSinceTheLastOne() {
        listing.begin(CaseMapping.ASCII);
        listing.add(entry(1));
        listing.add(entry(2));
        ChannelListing.Batch first = listing.drain();
        assertTrue(first.restart());
        assertEquals(List.of(entry(1), entry(2)), first.entries());
        assertFalse(first.complete());
        listing.add(entry(3));
        listing.end();
        ChannelListing.Batch second = listing.drain();
        assertFalse(second.restart());
        assertEquals(List.of(entry(3)), second.entries());
        assertTrue(second.complete());
        assertEquals(3, second.received());
        assertEquals(CaseMapping.ASCII, listing.caseMapping());
    }

    @Test
    void aListingThatNeverEndsKeepsABoundedNumberOfRows() {
        listing.begin(CaseMapping.ASCII);
        ChannelEntry row = entry(1);
        for (int i = 0; i < ChannelListing.MAX_ENTRIES; i++) {
            assertTrue(listing.add(row));
        }
        assertFalse(listing.drain().cut());
        assertFalse(listing.add(entry(2)), "one row too many");
        ChannelListing.Batch batch = listing.drain();
        assertTrue(batch.cut());
        assertEquals(List.of(), batch.entries(), "the rows were taken before");
        assertEquals(ChannelListing.MAX_ENTRIES, batch.received());
        // once the server ends that answer after all, a new listing starts from nothing again
        listing.end();
        listing.begin(CaseMapping.ASCII);
        listing.add(entry(3));
        ChannelListing.Batch again = listing.drain();
        assertEquals(List.of(entry(3)), again.entries());
        assertFalse(again.cut());
    }

    @Test
    void rowsNobodyAskedForAreDropped() {
        assertFalse(listing.add(entry(1)), "no /list asked for it");
        assertFalse(listing.collecting());
        ChannelListing.Batch unasked = listing.drain();
        assertEquals(List.of(), unasked.entries());
        assertEquals(0, unasked.received());

        listing.begin(CaseMapping.RFC1459);
        assertTrue(listing.add(entry(2)));
        listing.end();
        assertFalse(listing.add(entry(3)), "the server said the list was complete");
        assertEquals(List.of(entry(2)), listing.drain().entries());
    }

    @Test
    void closingTheDialogStopsTheCollectingAndDropsWhatWasNotTaken() {
        listing.begin(CaseMapping.RFC1459);
        listing.add(entry(1));
        listing.cancel();
        assertFalse(listing.collecting());
        assertFalse(listing.add(entry(2)), "the rest of the server's answer is for nobody");
        ChannelListing.Batch batch = listing.drain();
        assertEquals(List.of(), batch.entries());
        assertTrue(batch.complete());
    }

    @Test
    void aNewListingDropsTheOldAndSkipsTheRestOfItsAnswer() {
        listing.begin(CaseMapping.RFC1459);
        listing.add(entry(1));
        listing.begin(CaseMapping.RFC1459);
        assertFalse(listing.add(entry(2)), "still the earlier answer");
        listing.end();
        assertTrue(listing.add(entry(3)));
        ChannelListing.Batch batch = listing.drain();
        assertTrue(batch.restart());
        assertEquals(List.of(entry(3)), batch.entries(), "rows of the earlier listing are gone");
        assertFalse(batch.complete());
        listing.end();
        assertTrue(listing.drain().complete());
    }

    @Test
    void aListThatCouldNotBeSentIsOwedNoAnswer() {
        listing.begin(CaseMapping.RFC1459);
        listing.notSent();
        assertTrue(listing.drain().complete());
        listing.begin(CaseMapping.RFC1459);
        assertTrue(listing.add(entry(1)), "no earlier answer to skip");
    }

    @Test
    void fiftyThousandRowsFromAReaderThreadReachTheModelInFewWholeBatches() throws InterruptedException {
        int channels = 50_000;
        ChannelTableModel model = new ChannelTableModel();
        List<TableModelEvent> events = new ArrayList<>();
        model.addTableModelListener(events::add);
        CountDownLatch halfway = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            listing.begin(CaseMapping.RFC1459);
            for (int i = 0; i < channels; i++) {
                listing.add(entry(i));
                if (i == channels / 2) {
                    halfway.countDown();
                }
            }
            listing.end();
        }, "test-reader");
        reader.start();
        assertTrue(halfway.await(10, TimeUnit.SECONDS));
        int batches = 0;
        int nonEmpty = 0;
        ChannelListing.Batch batch;
        do {
            batch = listing.drain();
            if (batch.restart()) {
                model.clear();
            }
            model.append(batch.entries());
            batches++;
            nonEmpty += batch.entries().isEmpty() ? 0 : 1;
        } while (!batch.complete() || reader.isAlive());
        ChannelListing.Batch last = listing.drain();
        model.append(last.entries());
        nonEmpty += last.entries().isEmpty() ? 0 : 1;
        reader.join();

        assertEquals(channels, model.total(), "nothing lost between the threads");
        assertEquals(channels, model.getRowCount());
        assertEquals(channels, IntStream.range(0, channels).mapToObj(model::entry).distinct().count(), "no row twice");
        for (int row = 1; row < channels; row++) {
            assertTrue(model.entry(row - 1).users() >= model.entry(row).users(), "still sorted at row " + row);
        }
        long clears = events.stream().filter(e -> e.getType() == TableModelEvent.UPDATE).count();
        assertEquals(nonEmpty + 1, clears, "one event per batch with rows, and the clear at the start: " + batches
                + " batches");
    }
}
