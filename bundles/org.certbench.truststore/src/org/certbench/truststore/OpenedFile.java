package org.certbench.truststore;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;

/**
 * What {@link CertificateFiles#open} found in a file (since 1.3): either certificates or a certificate signing
 * request.
 *
 * @param name         the file's name as given, for titles and messages
 * @param certificates the certificates in file order (the first is usually a server's, the others its chain);
 *                     empty for a request
 * @param request      the certificate signing request; {@code null} for certificates
 * @param notices      facts about the file an administrator should read ("3 certificates: each is shown")
 */
public record OpenedFile(String name, List<Certificate> certificates, CertificationRequest request,
        List<String> notices) {

    /** Copies the lists; neither may be {@code null}. */
    public OpenedFile {
        certificates = List.copyOf(certificates);
        notices = List.copyOf(notices);
    }

    /** {@return whether the file holds a certificate signing request rather than certificates} */
    public boolean isRequest() {
        return request != null;
    }
}
