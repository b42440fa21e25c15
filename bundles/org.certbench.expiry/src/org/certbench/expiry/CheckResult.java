package org.certbench.expiry;

import java.util.List;

/**
 * What an expiry check did.
 *
 * @param checked  how many certificates were looked at
 * @param posted   how many new system messages it posted (a condition already reported is not posted again)
 * @param problems what could not be read or refreshed, in words; unmodifiable
 */
public record CheckResult(int checked, int posted, List<String> problems) {

    /** Copies the problems; not {@code null}. */
    public CheckResult {
        problems = List.copyOf(problems);
    }
}
