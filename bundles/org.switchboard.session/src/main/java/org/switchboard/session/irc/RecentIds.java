package org.switchboard.session.irc;

/**
 * The last {@code capacity} message ids seen, to drop a message that a bouncer or chathistory replays. A flood
 * tags every line with a fresh id, so this is on the hot path: the ids sit in a ring (oldest overwritten
 * first) and an open-addressing table of ring positions and hashes finds them, with no object per id and a
 * string comparison only when the hashes agree. Not thread-safe; the router calls it under the network lock.
 */
final class RecentIds {

    private final String[] ring;
    /** Ring position + 1 per slot; 0 is an empty slot. Linear probing, at most half full. */
    private final int[] positions;
    /** The id's hash per slot, compared before the id itself. */
    private final int[] hashes;
    private final int mask;
    private final int shift;
    private int next;
    private int size;

    RecentIds(int capacity) {
        ring = new String[capacity];
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        positions = new int[slots];
        hashes = new int[slots];
        mask = slots - 1;
        shift = Integer.numberOfLeadingZeros(mask);
    }

    /** Remembers {@code id}; false when it was already among the recent ones. */
    boolean add(String id) {
        int hash = id.hashCode();
        int slot = find(id, hash);
        if (positions[slot] != 0) {
            return false;
        }
        if (size == ring.length) {
            String oldest = ring[next];
            remove(find(oldest, oldest.hashCode()));
            slot = find(id, hash);
        } else {
            size++;
        }
        ring[next] = id;
        positions[slot] = next + 1;
        hashes[slot] = hash;
        next = next + 1 == ring.length ? 0 : next + 1;
        return true;
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int find(String id, int hash) {
        int slot = home(hash);
        for (int held; (held = positions[slot]) != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && ring[held - 1].equals(id)) {
                break;
            }
        }
        return slot;
    }

    /** Fibonacci hashing: the top bits of the spread hash pick the slot. */
    private int home(int hash) {
        return hash * 0x9E3779B9 >>> shift;
    }

    /** Empties a slot, moving later entries of its probe run back so that every entry stays findable. */
    private void remove(int hole) {
        positions[hole] = 0;
        for (int slot = (hole + 1) & mask; positions[slot] != 0; slot = (slot + 1) & mask) {
            int home = home(hashes[slot]);
            // the entry may fill the hole unless its home lies cyclically after the hole, up to its slot
            boolean homeBetween = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!homeBetween) {
                positions[hole] = positions[slot];
                hashes[hole] = hashes[slot];
                positions[slot] = 0;
                hole = slot;
            }
        }
    }
}
