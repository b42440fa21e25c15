package org.certbench.crypto;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;

/**
 * The CA certificates a chain may end at, found by subject name in constant time: the store may hold 10,000,
 * and every handshake looks issuers up. Build one per version of the store and reuse it; immutable.
 */
public final class TrustAnchorIndex {

    private final List<Certificate> all;
    private final Map<X500Name, List<Certificate>> bySubject;

    private TrustAnchorIndex(List<Certificate> all, Map<X500Name, List<Certificate>> bySubject) {
        this.all = all;
        this.bySubject = bySubject;
    }

    /** {@return an index of these CA certificates by subject; the collection is copied} */
    public static TrustAnchorIndex of(Collection<Certificate> anchors) {
        Map<X500Name, List<Certificate>> bySubject = new HashMap<>();
        for (Certificate anchor : anchors) {
            bySubject.merge(anchor.holder().getSubject(), List.of(anchor),
                    (known, added) -> java.util.stream.Stream.concat(known.stream(), added.stream()).toList());
        }
        return new TrustAnchorIndex(List.copyOf(anchors), Map.copyOf(bySubject));
    }

    /** Every anchor, in the order given. */
    public List<Certificate> all() {
        return all;
    }

    /** {@return how many CA certificates the index holds} */
    public int size() {
        return all.size();
    }

    /** The anchors whose subject is {@code name} (BouncyCastle's name comparison: case and spacing ignored). */
    List<Certificate> withSubject(X500Name name) {
        return bySubject.getOrDefault(name, List.of());
    }
}
