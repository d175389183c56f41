package org.switchboard.api.irc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * A nick or channel name as a map key: equal when the names fold to the same string under the same
 * {@link CaseMapping}, while {@link #name()} keeps the spelling that was seen. Using this type for every map of
 * nicks or channels keeps all of them folding the same way; when the server's CASEMAPPING turns out to differ from
 * the one assumed before its 005, {@link #rekey} moves a whole map to the new mapping.
 *
 * <p>Keys of different mappings are never equal, so a map must not mix them.
 */
public final class CaseKey implements Comparable<CaseKey> {

    private final String name;
    private final String folded;
    private final CaseMapping mapping;

    private CaseKey(String name, CaseMapping mapping) {
        this.name = name;
        this.mapping = mapping;
        this.folded = mapping.fold(name);
    }

    public static CaseKey of(String name, CaseMapping mapping) {
        return new CaseKey(Objects.requireNonNull(name, "name"), Objects.requireNonNull(mapping, "mapping"));
    }

    /** The name as it was spelled when the key was made. */
    public String name() {
        return name;
    }

    /** The case-folded name that equality is based on. */
    public String folded() {
        return folded;
    }

    public CaseMapping mapping() {
        return mapping;
    }

    /** This name under another mapping; {@code this} when the mapping is the same. */
    public CaseKey withMapping(CaseMapping newMapping) {
        return newMapping == mapping ? this : of(name, newMapping);
    }

    /** True when {@code otherName} is this name under this key's mapping. */
    public boolean matches(String otherName) {
        return otherName != null && mapping.equals(name, otherName);
    }

    /**
     * A new map (in the iteration order of {@code map}) with every key moved to {@code newMapping}. Names that
     * were distinct before and fold together now are combined with {@code merge} (old value, newer value).
     */
    public static <V> Map<CaseKey, V> rekey(Map<CaseKey, V> map, CaseMapping newMapping, BinaryOperator<V> merge) {
        Map<CaseKey, V> rekeyed = new LinkedHashMap<>(Math.max(16, map.size() * 4 / 3 + 1));
        for (Map.Entry<CaseKey, V> entry : map.entrySet()) {
            rekeyed.merge(entry.getKey().withMapping(newMapping), entry.getValue(), merge);
        }
        return rekeyed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseKey key && key.mapping == mapping && key.folded.equals(folded);
    }

    @Override
    public int hashCode() {
        return folded.hashCode();
    }

    /** Orders by folded name, then by mapping, so that sorted nick lists ignore case consistently. */
    @Override
    public int compareTo(CaseKey other) {
        int byName = folded.compareTo(other.folded);
        return byName != 0 ? byName : mapping.compareTo(other.mapping);
    }

    /** The name as spelled. */
    @Override
    public String toString() {
        return name;
    }
}
