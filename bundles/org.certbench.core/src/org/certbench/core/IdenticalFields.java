package org.certbench.core;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields identical across a selection: what a view of several selected items shows, so that the differing
 * fields stand out by their absence. One rule for every such view (certificate details, agents); the items' fields
 * are worked out by their owners, this only compares them.
 * <p>
 * Stateless; may be called from any thread. The maps are only read.
 */
public final class IdenticalFields {

    private IdenticalFields() {
    }

    /**
     * The entries of the first map whose value ({@link Objects#equals}, {@code null} included) every other map has
     * under the same key, in the first map's order.
     *
     * @return a new map; empty for an empty selection
     */
    public static <K, V> Map<K, V> of(Collection<? extends Map<K, V>> selection) {
        Iterator<? extends Map<K, V>> maps = selection.iterator();
        if (!maps.hasNext()) {
            return new LinkedHashMap<>();
        }
        Map<K, V> identical = new LinkedHashMap<>(maps.next());
        while (maps.hasNext()) {
            Map<K, V> next = maps.next();
            identical.entrySet().removeIf(field -> !next.containsKey(field.getKey())
                    || !Objects.equals(field.getValue(), next.get(field.getKey())));
        }
        return identical;
    }
}
