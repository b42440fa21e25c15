package org.certbench.notify.internal;

import java.text.MessageFormat;

/**
 * A count in words, the way the expiry bundle words its counts: a {@link MessageFormat} pattern whose choice picks the
 * form ({@code {1,choice,0#{0} errors|1#1 error|1<{0} errors}}), {@code {0}} the count as text (no digit grouping),
 * {@code {1}} the count as the number the choice picks on. A translation brings its own choices, as many forms as its
 * language has; English needs three (none, one, many).
 */
final class Counts {

    private Counts() {
    }

    static String of(String pattern, long count) {
        return MessageFormat.format(pattern, String.valueOf(count), count);
    }
}
