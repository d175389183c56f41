package org.switchboard.feature.join;

import java.util.Locale;

/**
 * One row of the channel list, as the server's 322 reply gave it. The lower-case keys are worked out once, on the
 * reader thread, so that sorting and filtering 50,000 rows on the event thread compare plain strings.
 *
 * @param name      the channel name as the server sent it (joined as it is, made plain only where it is shown)
 * @param users     the visible user count
 * @param topic     the topic without formatting codes, plain text
 * @param nameKey   the name in lower case, for sorting
 * @param searchKey name and topic in lower case, for matching filter words
 */
record ChannelEntry(String name, int users, String topic, String nameKey, String searchKey) {

    ChannelEntry(String name, int users, String topic) {
        this(name, users, topic, name.toLowerCase(Locale.ROOT),
                (name + '\n' + topic).toLowerCase(Locale.ROOT));
    }
}
