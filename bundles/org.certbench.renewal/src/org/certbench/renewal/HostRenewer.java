package org.certbench.renewal;

import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.RenewalMonitor;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renews one host service target's certificate through an issuer now, due or not: what the workbench's "Renew with
 * issuer…" and {@code host:renew --force} do. The issuer signs through
 * {@link org.certbench.host.HostCertificates#renew}, answering challenges through the
 * {@link ChallengeResponders} registered; the outcome is remembered like a scheduled renewal's (a success ends the
 * backoff and marks the failure message read). An OSGi service CertBench provides; plug-ins call it and must not
 * implement it.
 *
 * @since 1.1
 */
@ProviderType
public interface HostRenewer {

    /**
     * Renews the target's certificate.
     *
     * @param targetId the host service target
     * @param issuer the issuer's name, or {@code null} for the host renewal policy's
     * @param monitor progress and cancellation
     * @return the applied certificate and the chain now served
     * @throws RenewalException if no issuer is named or configured, or there is none of that name
     * @throws HostCertificateException if the renewal failed; the message says why and what is served now
     */
    ApplyResult renew(String targetId, String issuer, RenewalMonitor monitor)
            throws RenewalException, HostCertificateException;
}
