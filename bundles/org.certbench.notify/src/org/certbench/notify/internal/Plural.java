package org.certbench.notify.internal;

import org.eclipse.osgi.util.NLS;

/** A count in words: "1 error", "2 errors" (English has one singular; a translation brings its own forms). */
final class Plural {

    private Plural() {
    }

    /** {@code one} for 1, else {@code other} with the count as its {@code {0}}. */
    static String of(long count, String one, String other) {
        return count == 1 ? one : NLS.bind(other, count);
    }
}
