package org.certbench.crypto;

import java.util.List;

/**
 * A certificate read from a file, with what the administrator should be told about the file.
 *
 * @param certificatesInFile how many certificates the file holds; only the first is ever used
 * @param notices            texts to show beside the certificate, such as "only the first certificate of
 *                           the file is used"
 */
public record CertificateReadResult(Certificate certificate, CertificateEncoding encoding, int certificatesInFile,
        List<String> notices) {

    /** Copies the notices, so the result stays unchanged; not {@code null}. */
    public CertificateReadResult {
        notices = List.copyOf(notices);
    }

    /** {@return whether the file held more than one certificate and only the first was read} */
    public boolean onlyFirstUsed() {
        return certificatesInFile > 1;
    }
}
