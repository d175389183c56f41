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
        listing.add(entry(1), CaseMapping.ASCII);
        listing.add(entry(2), CaseMapping.ASCII);
        ChannelListing.Batch first = listing.drain();
        assertTrue(first.restart());
        assertEquals(List.of(entry(1), entry(2)), first.entries());
        assertFalse(first.complete());
        listing.add(entry(3), CaseMapping.ASCII);
        listing.end();
        ChannelListing.Batch second = listing.drain();
        assertFalse(second.restart());
        assertEquals(List.of(entry(3)), second.entries());
        assertTrue(second.complete());
        assertEquals(3, second.received());
        assertEquals(CaseMapping.ASCII, listing.caseMapping());
    }

    @Test
    void aReplyWithoutAStartStartsAListingAndANewStartDropsTheOld() {
        assertTrue(listing.add(entry(1), CaseMapping.RFC1459), "no 321 came: this row starts the listing");
        assertFalse(listing.add(entry(2), CaseMapping.RFC1459));
        listing.begin(CaseMapping.RFC1459);
        listing.add(entry(3), CaseMapping.RFC1459);
        ChannelListing.Batch batch = listing.drain();
        assertTrue(batch.restart());
        assertEquals(List.of(entry(3)), batch.entries(), "rows of the earlier listing are gone");
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
                listing.add(entry(i), CaseMapping.RFC1459);
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
