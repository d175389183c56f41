package org.switchboard.ui.swing.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Hashtable;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.switchboard.ui.swing.demo.MemoryConfigAdmin;
import org.switchboard.ui.swing.settings.SessionSettingsStore.SessionSettings;

class SessionSettingsStoreTest {

    private final ConfigurationAdmin admin = new MemoryConfigAdmin().admin();
    private final SessionSettingsStore store = new SessionSettingsStore(admin);

    @Test
    void anUnwrittenConfigurationReadsAsTheSessionDefaults() throws Exception {
        assertEquals(new SessionSettings(List.of(), 10_000), store.load());
    }

    @Test
    void savedSettingsReadBackAndOtherSessionPropertiesStay() throws Exception {
        Hashtable<String, Object> existing = new Hashtable<>();
        existing.put("diskLogs", Boolean.FALSE);
        existing.put("highlightWords", new String[] { "old" });
        admin.getConfiguration(SessionSettingsStore.SESSION_PID, "?").update(existing);

        store.save(new SessionSettings(List.of("deploy", "release"), 2_500));

        var properties = admin.getConfiguration(SessionSettingsStore.SESSION_PID, "?").getProperties();
        assertEquals(Boolean.FALSE, properties.get("diskLogs"));
        // The session's config annotation reads a String[] and an int: the types it is written with.
        assertArrayEquals(new String[] { "deploy", "release" }, (String[]) properties.get("highlightWords"));
        assertEquals(2_500, properties.get("scrollbackLines"));
        assertEquals(new SessionSettings(List.of("deploy", "release"), 2_500), store.load());
    }

    @Test
    void valuesWrittenByHandAreReadLeniently() throws Exception {
        Hashtable<String, Object> byHand = new Hashtable<>();
        byHand.put("highlightWords", "alpha, beta");
        byHand.put("scrollbackLines", " 300 ");
        admin.getConfiguration(SessionSettingsStore.SESSION_PID, "?").update(byHand);
        assertEquals(new SessionSettings(List.of("alpha", "beta"), 300), store.load());
    }

    @Test
    void wordsAreSplitOnLinesAndCommasWithoutBlanksOrRepeats() {
        assertEquals(List.of("Deploy", "release", "on call"),
                SessionSettingsStore.parseWords(" Deploy ,release\n\n  \r\ndeploy\non call,RELEASE"));
        assertEquals(List.of(), SessionSettingsStore.parseWords(null));
    }

    @Test
    void scrollbackBelowTheSessionMinimumIsRaisedToIt() {
        assertEquals(100, new SessionSettings(List.of(), 5).scrollbackLines());
    }
}
