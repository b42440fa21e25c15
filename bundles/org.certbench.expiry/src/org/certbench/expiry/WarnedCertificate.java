package org.certbench.expiry;

import java.time.Instant;
import java.util.Objects;

/**
 * One certificate an {@link ExpiryWarning} names, as it was when the warning was posted. Immutable.
 *
 * @param kind     its kind; never {@code null}
 * @param id       its id within the kind (what opens it, as {@link ExpiryRow#id()}); never {@code null}
 * @param name     what an administrator calls it, or {@code null} when only the message's key is left to tell
 *                 (the certificate was renewed or removed before the lookup)
 * @param sha256   its SHA-256 fingerprint (colon-separated hex pairs), or {@code null} when unknown
 * @param notAfter the end of its validity, or {@code null} when unknown
 * @param row      its row of the overview when the overview still holds this very certificate (subject, where it is
 *                 used, days left now), else {@code null}
 * @since 1.1
 */
public record WarnedCertificate(String kind, String id, String name, String sha256, Instant notAfter, ExpiryRow row) {

    /** Checks that the kind and id are given. */
    public WarnedCertificate {
        Objects.requireNonNull(kind, "kind"); //$NON-NLS-1$
        Objects.requireNonNull(id, "id"); //$NON-NLS-1$
    }
}
