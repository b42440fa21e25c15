package org.certbench.renewal;

import java.util.Collection;

import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renewal as the workbench starts it: the scheduled run of the policies ({@code renewal:run}) and certificates
 * issued and applied for agents an administrator chose. An OSGi service CertBench provides; plug-ins call it and
 * must not implement it. Safe for use from any thread.
 *
 * @since 1.1
 */
@ProviderType
public interface Renewals {

    /**
     * Follows the policies once, as {@code renewal:run} does; failures become system messages (one per certificate
     * and kind of failure), successes clear them.
     *
     * @param monitor progress and cancellation
     * @return false when another run (a shell's {@code renewal:run}, another process on the home) holds the run lock:
     *         nothing was done
     * @throws RenewalException if the policies cannot be read or the run's state cannot be written
     */
    boolean runScheduled(BatchMonitor monitor) throws RenewalException;

    /**
     * Has the issuer sign a CSR each agent makes, then applies and confirms each certificate, as
     * {@code agent:renew --issuer NAME --force} does for these agents: due or not, whoever issued their current
     * certificate. Each agent that fails keeps its certificate; its result says why in words. This is a person's attempt:
     * a failure does not count for the schedule's backoff (the next scheduled try stays when it was), a success
     * clears earlier failures.
     *
     * @param agents the agents' names
     * @param issuer the issuer's name
     * @param rekey whether each agent makes a new key first
     * @param monitor progress and cancellation
     * @return each agent's result
     * @throws RenewalException if there is no issuer of that name, or another renewal is under way on the home (it
     *         does not wait)
     */
    BatchResult<AppliedCertificate> issueAndApply(Collection<String> agents, String issuer, boolean rekey,
            BatchMonitor monitor) throws RenewalException;
}
