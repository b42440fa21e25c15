package org.certbench.truststore;

import java.util.List;

import org.certbench.crypto.Certificate;

/**
 * The "Upload" step: what importing a file would do, with nothing stored.
 *
 * @param certificate   the certificate the file holds (its first one)
 * @param problems      why it would be refused (empty when it would be imported)
 * @param warnings      what an administrator should know but may accept (weak key, incomplete chain, ...)
 * @param notices       facts about the file ("only the first certificate of the file is used")
 * @param alreadyStored the id under which the same certificate is already in the store, or {@code null}
 */
public record CaCheck(Certificate certificate, List<String> problems, List<String> warnings, List<String> notices,
        String alreadyStored) {

    /** Copies the lists, so the check stays unchanged; neither may be {@code null}. */
    public CaCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        notices = List.copyOf(notices);
    }

    /** {@return whether there are no problems (warnings do not refuse)} */
    public boolean accepted() {
        return problems.isEmpty();
    }
}
