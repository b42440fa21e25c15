package org.certbench.host;

import java.util.List;

/**
 * The outcome of checking a certificate file and a key file for upload; nothing is applied.
 *
 * @param credentials what would be applied, or {@code null} when refused
 * @param problems    why it is refused (empty when accepted): passphrase-protected key, key not matching the
 *                    certificate, files swapped, not a certificate or not a key, file too large
 * @param warnings    accepted, but the administrator should know: chain that does not link, no serverAuth,
 *                    names that do not cover this host, expiry within 30 days
 * @param notices     facts about the files
 */
public record UploadCheck(ServerCredentials credentials, List<String> problems, List<String> warnings,
        List<String> notices) {

    /** Copies the lists, so the check stays unchanged; neither may be {@code null}. */
    public UploadCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        notices = List.copyOf(notices);
    }

    /** {@return whether there are no problems (warnings do not refuse)} */
    public boolean accepted() {
        return problems.isEmpty();
    }
}
