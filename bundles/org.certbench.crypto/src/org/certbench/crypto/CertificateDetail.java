package org.certbench.crypto;

import java.util.Objects;

/**
 * One extra row of a certificate details view: a label and its text, both in words for an administrator.
 *
 * @param label what the row is about, e.g. "HAProxy"; not blank
 * @param value the text shown beside it; not {@code null}
 */
public record CertificateDetail(String label, String value) {

    /**
     * Checks the detail.
     * @throws NullPointerException when {@code value} is {@code null}
     * @throws IllegalArgumentException when the label is {@code null} or blank
     */
    public CertificateDetail {
        Objects.requireNonNull(value, "value"); //$NON-NLS-1$
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a certificate detail needs a label"); //$NON-NLS-1$
        }
    }
}
