package org.certbench.expiry;

import java.time.Instant;
import java.util.List;

/**
 * The overview at one moment.
 *
 * @param now      the time the days left were computed at
 * @param rows     one row per certificate, fewest days left first (then by kind and name); unmodifiable
 * @param problems what could not be read, in words (a host service's handshake that failed, a plug-in that
 *                 threw); unmodifiable, empty when everything was read
 */
public record ExpiryList(Instant now, List<ExpiryRow> rows, List<String> problems) {

    /** Copies the lists; neither may be {@code null}. */
    public ExpiryList {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
