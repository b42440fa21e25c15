package org.certbench.agents.connector;

import java.util.List;

import org.certbench.crypto.CertificationRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where {@link AgentFleet#reissue} gets an agent's new certificate: a CA that signs the CSR the agent made. The
 * connector knows no issuer; the caller (renewal) bridges this to one.
 * <p>
 * Called from the batch's worker threads, several agents at once; an implementation must be safe for that.
 */
@ConsumerType
public interface CertificateSource {

    /**
     * Signs an agent's CSR.
     *
     * @param agent the agent's name
     * @param names the names the certificate must carry, its common name first (the agent's inventory host, then
     *        the names of its current CA-issued certificate)
     * @param csr the CSR the agent signed with its key, checked to be for the key it presents
     * @return the certificate and the CA certificate that issued it
     * @throws FleetException if no certificate can be had, saying why in words; the agent keeps its certificate
     */
    SourcedCertificate issue(String agent, List<String> names, CertificationRequest csr) throws FleetException;
}
