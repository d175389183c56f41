package org.switchboard.feature.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.protocol.internal.IrcProtocolComponent;
import org.switchboard.testfakes.FakeConnection;

/** 321/322/323 as servers send them become rows of the connection's listing. */
class ListRepliesTest {

    private final IrcProtocol protocol = new IrcProtocolComponent();
    private final FakeConnection connection = new FakeConnection();
    private final Map<String, ChannelListing> listings = new HashMap<>();
    private final ListReplies replies = new ListReplies(protocol,
            network -> listings.computeIfAbsent(network, n -> new ChannelListing()));

    /** What {@code /list} does before it sends LIST. */
    private ChannelListing userAsks() {
        ChannelListing listing = listings.computeIfAbsent("testnet", n -> new ChannelListing());
        listing.begin(connection.isupport().caseMapping());
        return listing;
    }

    private void receive(String line) {
        replies.onMessage(connection, protocol.parse(line));
    }

    @Test
    void aListingBecomesPlainRows() {
        userAsks();
        receive(":irc.test 321 me Channel :Users  Name");
        receive(":irc.test 322 me #java 1234 :[+nt] \u0002Java\u0002 \u000304help\u0003 <html><b>x</b>");
        receive(":irc.test 322 me &local 2 :");
        receive(":irc.test 322 me * 7 :a secret channel hides its name");
        receive(":irc.test 322 me #odd lots :the server sent no count");
        receive(":irc.test 323 me :End of /LIST");
        ChannelListing.Batch batch = listings.get("testnet").drain();
        assertEquals(List.of(new ChannelEntry("#java", 1234, "[+nt] Java help <html><b>x</b>"),
                new ChannelEntry("&local", 2, ""), new ChannelEntry("#odd", 0, "the server sent no count")),
                batch.entries());
        assertTrue(batch.complete());
    }

    @Test
    void aServerThatSendsNo321StillFillsTheListing() {
        userAsks();
        receive(":irc.test 322 me #a 3 :first");
        receive(":irc.test 322 me #b 4 :second");
        assertEquals(2, listings.get("testnet").drain().entries().size());
    }

    @Test
    void repliesNobodyAskedForAreDropped() {
        receive(":irc.test 321 me Channel :Users  Name");
        receive(":irc.test 322 me #a 3 :sent unasked");
        receive(":irc.test 323 me :End of /LIST");
        ChannelListing.Batch unasked = listings.get("testnet").drain();
        assertEquals(List.of(), unasked.entries());
        assertEquals(0, unasked.received());

        ChannelListing listing = userAsks();
        receive(":irc.test 322 me #b 4 :asked for");
        receive(":irc.test 323 me :End of /LIST");
        receive(":irc.test 322 me #c 5 :after the end");
        assertEquals(List.of(new ChannelEntry("#b", 4, "asked for")), listing.drain().entries());
    }

    @Test
    void repliesAfterTheDialogClosedAreDropped() {
        ChannelListing listing = userAsks();
        receive(":irc.test 322 me #a 3 :shown");
        listing.cancel();
        receive(":irc.test 322 me #b 4 :nobody looks");
        assertEquals(List.of(), listing.drain().entries());
        assertFalse(listing.collecting());
    }

    @Test
    void aRefreshDuringALongListSkipsTheRestOfTheEarlierAnswer() {
        ChannelListing listing = userAsks();
        receive(":irc.test 322 me #old1 3 :first answer");
        userAsks(); // Refresh while the first answer is still coming
        receive(":irc.test 322 me #old2 3 :rest of the first answer");
        receive(":irc.test 323 me :End of /LIST");
        assertFalse(listing.drain().complete(), "the first answer's end is not the second's");
        receive(":irc.test 322 me #new 4 :second answer");
        receive(":irc.test 323 me :End of /LIST");
        ChannelListing.Batch batch = listing.drain();
        assertEquals(List.of(new ChannelEntry("#new", 4, "second answer")), batch.entries());
        assertTrue(batch.complete());
    }

    @Test
    void reopeningTheDialogBeforeTheClosedListingEndedGetsOnlyTheNewAnswer() {
        ChannelListing listing = userAsks();
        listing.cancel();
        userAsks();
        receive(":irc.test 322 me #old 3 :for the closed dialog");
        receive(":irc.test 323 me :End of /LIST");
        receive(":irc.test 322 me #new 4 :for the open one");
        receive(":irc.test 323 me :End of /LIST");
        assertEquals(List.of(new ChannelEntry("#new", 4, "for the open one")), listing.drain().entries());
    }

    @Test
    void aListRefusedForLoadEndsItsAnswer() {
        ChannelListing listing = userAsks();
        userAsks();
        receive(":irc.test 263 me LIST :Server load is temporarily too heavy. Please wait a while and try again.");
        assertTrue(listing.collecting(), "the second request's answer comes next");
        receive(":irc.test 322 me #a 4 :second answer");
        receive(":irc.test 263 me WHO :not about LIST");
        receive(":irc.test 323 me :End of /LIST");
        ChannelListing.Batch batch = listing.drain();
        assertEquals(List.of(new ChannelEntry("#a", 4, "second answer")), batch.entries());
        assertTrue(batch.complete());
    }

    @Test
    void aNewLinkOwesNoAnswers() {
        ChannelListing listing = userAsks();
        // the link dropped before the 323; after the reconnect the user asks again
        receive(":irc.test 001 me :Welcome");
        assertFalse(listing.collecting());
        userAsks();
        receive(":irc.test 322 me #a 4 :on the new link");
        receive(":irc.test 323 me :End of /LIST");
        assertEquals(List.of(new ChannelEntry("#a", 4, "on the new link")), listing.drain().entries());
    }
}
