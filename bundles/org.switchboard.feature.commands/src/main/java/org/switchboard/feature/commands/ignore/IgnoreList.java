package org.switchboard.feature.commands.ignore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.irc.CaseMapping;
import org.switchboard.api.irc.IrcProtocol;

/**
 * The ignore masks of each network, in memory only: they last until this bundle stops.
 *
 * <p>Only /ignore and /unignore use it so far. Filtering incoming messages belongs in the session, which may
 * not import this bundle's packages; that needs an ignore service in the API (for example
 * {@code org.switchboard.api.session.IgnoreFilter} with {@code isIgnored(network, source)}) which this class
 * could then implement unchanged. Until then nothing is hidden from the user.
 */
@Component(service = IgnoreList.class)
public final class IgnoreList {

    private final IrcProtocol protocol;
    private final Map<String, List<String>> masksByNetwork = new ConcurrentHashMap<>();

    @Activate
    public IgnoreList(@Reference(name = "protocol") IrcProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * A full {@code nick!user@host} mask for what the user typed: a nick matches any user and host,
     * {@code user@host} any nick.
     */
    public static String normalise(String typed) {
        String mask = typed.strip();
        int bang = mask.indexOf('!');
        int at = mask.indexOf('@');
        if (bang < 0 && at < 0) {
            return mask + "!*@*";
        }
        if (bang < 0) {
            return "*!" + mask;
        }
        if (at < 0) {
            return mask + "@*";
        }
        return mask;
    }

    /** Adds a mask (normalised); false when an equal mask is already there. */
    public boolean add(String network, String mask, CaseMapping caseMapping) {
        String normalised = normalise(mask);
        List<String> masks = masksByNetwork.computeIfAbsent(network, n -> new CopyOnWriteArrayList<>());
        synchronized (masks) {
            for (String existing : masks) {
                if (caseMapping.equals(existing, normalised)) {
                    return false;
                }
            }
            masks.add(normalised);
            return true;
        }
    }

    /** Removes a mask (normalised as by {@link #add}); gives the mask as it was stored, empty when absent. */
    public Optional<String> remove(String network, String mask, CaseMapping caseMapping) {
        String normalised = normalise(mask);
        List<String> masks = masksByNetwork.get(network);
        if (masks == null) {
            return Optional.empty();
        }
        synchronized (masks) {
            for (String existing : masks) {
                if (caseMapping.equals(existing, normalised)) {
                    masks.remove(existing);
                    return Optional.of(existing);
                }
            }
            return Optional.empty();
        }
    }

    /** The masks of a network in the order they were added. */
    public List<String> masks(String network) {
        List<String> masks = masksByNetwork.get(network);
        return masks == null ? List.of() : List.copyOf(masks);
    }

    /** True when {@code source} ({@code nick!user@host}) matches one of the network's masks. */
    public boolean isIgnored(String network, String source, CaseMapping caseMapping) {
        if (source == null) {
            return false;
        }
        for (String mask : masks(network)) {
            if (protocol.maskMatches(mask, source, caseMapping)) {
                return true;
            }
        }
        return false;
    }
}
