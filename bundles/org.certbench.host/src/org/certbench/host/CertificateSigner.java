package org.certbench.host;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns a host's certificate signing request into a certificate: the CA step of
 * {@link HostCertificates#renew}. The host bundle knows no issuers; the renewal bundle adapts an issuer to this, a
 * plug-in or a test may pass any CA it can reach.
 * <p>
 * Called on the thread that runs {@code renew}; it may block (a network CA, a program) and should ask
 * {@link RenewalMonitor#isCanceled()} between its steps. Whatever it returns is checked before anything is
 * installed, so a signer need not be trusted to return the right certificate.
 */
@ConsumerType
@FunctionalInterface
public interface CertificateSigner {

    /**
     * Signs the request.
     *
     * @param csr     the request, signed with the new key; its common name is {@code names}' first, its subject
     *                alternative names are {@code names}
     * @param names   the DNS names and IP addresses the certificate must carry, the first being its common name
     * @param monitor progress and cancellation
     * @return the issued certificate first, then the CA certificates towards the root (at least the issuing one)
     * @throws HostCertificateException {@link HostCertificateException.Reason#SIGNING_FAILED} with the CA's reason
     *                                  in words, or {@link HostCertificateException.Reason#CANCELED}
     */
    List<Certificate> sign(CertificationRequest csr, List<String> names, RenewalMonitor monitor)
            throws HostCertificateException;
}
