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

    public CertificateReadResult {
        notices = List.copyOf(notices);
    }

    public boolean onlyFirstUsed() {
        return certificatesInFile > 1;
    }
}
