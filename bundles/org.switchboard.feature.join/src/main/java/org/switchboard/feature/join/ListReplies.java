package org.switchboard.feature.join;

import java.util.List;
import java.util.function.Function;

import org.switchboard.api.connection.IrcConnection;
import org.switchboard.api.connection.IrcMessageListener;
import org.switchboard.api.irc.IrcMessage;
import org.switchboard.api.irc.IrcProtocol;
import org.switchboard.api.irc.Isupport;
import org.switchboard.api.ui.PlainText;

/**
 * The channel list replies on each connection's reader thread: each 322 becomes a row of the network's listing,
 * 323 ends it. Only a listing the user asked for takes them (see {@link ChannelListing}); replies nobody asked for
 * are dropped. A row is made plain here (formatting stripped, control characters gone, cut to a sane length), off
 * the event thread; nothing blocks.
 */
final class ListReplies implements IrcMessageListener {

    /** The replies this listener takes out of the server buffer. */
    static final String[] CLAIMED = { "321", "322", "323" };
    /**
     * What it listens to: also 263 (RPL_TRYAGAIN, a LIST refused for load, which ends that request's answer) and
     * 001 (a new link owes no answers), both still shown as usual.
     */
    static final String[] COMMANDS = { "321", "322", "323", "263", "001" };
    private static final System.Logger LOG = System.getLogger(ListReplies.class.getName());
    private static final int MAX_TOPIC = 400;

    private final IrcProtocol protocol;
    private final Function<String, ChannelListing> listings;

    /** @param listings the listing of a network, created on first use */
    ListReplies(IrcProtocol protocol, Function<String, ChannelListing> listings) {
        this.protocol = protocol;
        this.listings = listings;
    }

    @Override
    public void onMessage(IrcConnection connection, IrcMessage message) {
        String network = connection.network();
        ChannelListing listing = listings.apply(network);
        Isupport isupport = connection.isupport();
        switch (message.command()) {
            case "321" -> {
                // the listing began when the user asked for it; a 321 nobody asked for starts nothing
            }
            case "322" -> {
                if (listing.collecting()) {
                    ChannelEntry entry = entry(message.params(), isupport);
                    if (entry != null) {
                        listing.add(entry);
                    }
                }
            }
            case "323" -> listing.end();
            case "263" -> {
                if ("LIST".equalsIgnoreCase(message.param(1))) {
                    listing.end();
                }
            }
            case "001" -> listing.linkRegistered();
            default -> LOG.log(System.Logger.Level.DEBUG, "Not a channel list reply: " + message.command());
        }
    }

    /** {@code 322 me #channel users :topic}, or null for a line that names no channel (a hidden one is "*"). */
    private ChannelEntry entry(List<String> params, Isupport isupport) {
        if (params.size() < 3 || !isupport.isChannel(params.get(1))) {
            return null;
        }
        int users;
        try {
            users = Integer.parseInt(params.get(2).strip());
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.DEBUG, "322 without a user count: " + params);
            users = 0;
        }
        String topic = params.size() > 3 ? protocol.stripFormatting(params.get(params.size() - 1)) : "";
        return new ChannelEntry(params.get(1), users, PlainText.line(topic, MAX_TOPIC));
    }
}
