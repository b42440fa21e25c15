package org.certbench.truststore;

import java.util.List;

/**
 * What an import did.
 *
 * @param entry          the certificate as it is in the store now
 * @param alreadyPresent the same certificate was in the store already; nothing changed
 * @param warnings       what the administrator accepted by importing (see {@link CaCheck#warnings()})
 * @param notices        facts about the file
 */
public record ImportResult(CaEntry entry, boolean alreadyPresent, List<String> warnings, List<String> notices) {

    /** Copies the lists, so the result stays unchanged; neither may be {@code null}. */
    public ImportResult {
        warnings = List.copyOf(warnings);
        notices = List.copyOf(notices);
    }
}
