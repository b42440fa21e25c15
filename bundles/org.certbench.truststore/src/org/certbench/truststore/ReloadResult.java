package org.certbench.truststore;

import java.util.List;

/**
 * What a reload found in the store directory.
 *
 * @param certificates how many CA certificates the store holds now
 * @param added        how many appeared since the last read (e.g. dropped into the directory)
 * @param removed      how many disappeared
 * @param unreadable   files that are not CA certificates, each with the reason (they are left alone)
 */
public record ReloadResult(int certificates, int added, int removed, List<String> unreadable) {

    /** Copies the list, so the result stays unchanged; not {@code null}. */
    public ReloadResult {
        unreadable = List.copyOf(unreadable);
    }
}
