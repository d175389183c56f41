package org.switchboard.session.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.session.BufferType;

class NetworkStateTest {

    private final NetworkState network = new SessionModel(100, new org.switchboard.session.callback.CallbackMonitorSlot(System.getLogger("test"))).network("net");

    @Test
    void theBufferFoundLastIsFoundAgainUntilTheBuffersChange() {
        BufferState channel = network.getOrCreate(BufferType.CHANNEL, "#Chan");
        assertSame(channel, network.getOrCreate(BufferType.CHANNEL, new String("#Chan")));
        assertSame(channel, network.getOrCreate(BufferType.CHANNEL, "#chan"), "folded like any other lookup");

        network.remove(channel);
        BufferState reopened = network.getOrCreate(BufferType.CHANNEL, "#chan");
        assertNotSame(channel, reopened, "a closed buffer is not handed out again");
        assertEquals(2, network.buffers().size());

        BufferState query = network.getOrCreate(BufferType.QUERY, "bob");
        network.renameBuffer(query, "robert");
        assertNull(network.findChannelOrQuery("bob"));
        BufferState newBob = network.getOrCreate(BufferType.QUERY, "bob");
        assertNotSame(query, newBob, "the old name is free after a rename");
        assertSame(query, network.getOrCreate(BufferType.QUERY, "Robert"));
    }

    @Test
    void aNewCaseMappingIsHonouredAfterTheLookupWasRemembered() {
        BufferState braces = network.getOrCreate(BufferType.CHANNEL, "#a{b}");
        assertSame(braces, network.getOrCreate(BufferType.CHANNEL, "#a[b]"), "rfc1459 folds [] to {}");
        network.updateIsupport(CaseMapping.ASCII, null);
        BufferState brackets = network.getOrCreate(BufferType.CHANNEL, "#a[b]");
        assertNotSame(braces, brackets, "under ascii they are different channels");
        assertSame(braces, network.getOrCreate(BufferType.CHANNEL, "#a{b}"));
    }
}
