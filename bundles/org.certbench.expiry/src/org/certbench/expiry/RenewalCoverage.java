package org.certbench.expiry;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the renewal service, so that certificates it renews on its own raise no warnings while all goes
 * well. With no such service registered, every certificate gets its warnings.
 * <p>
 * Called on any thread during an expiry check, once per certificate; should answer from memory or its own files.
 */
@ConsumerType
public interface RenewalCoverage {

    /**
     * Whether {@code row}'s certificate is covered by a renewal policy whose last renewal attempt has not failed
     * and which has been due less than 24 hours at {@code now}: then the check posts no warning for it. A coverage
     * that throws counts as not covering.
     *
     * @param row the certificate, never {@code null}
     * @param now the check's time
     */
    boolean covers(ExpiryRow row, Instant now);
}
