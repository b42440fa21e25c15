package org.certbench.renewal.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SourcedCertificate;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.eclipse.osgi.util.NLS;

/**
 * The connector's {@link CertificateSource} answered by an {@link Issuer}: the connector knows no issuers, renewal
 * knows no agents' wire protocol. The CA certificate handed on is the one that signed the certificate, from the
 * chain the issuer returned or else from the issuer's own CA certificates. It remembers how each agent's request
 * ended, so that a failure the connector reports can be told by its step ({@link #failureKind}).
 */
final class IssuerSource implements CertificateSource {

    private final Issuer issuer;
    private final IssueMonitor monitor;
    private final Map<String, FailureKind> failed = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Map<String, java.time.Instant> retryAfter = new ConcurrentHashMap<>();

    IssuerSource(Issuer issuer, IssueMonitor monitor) {
        this.issuer = issuer;
        this.monitor = monitor;
    }

    @Override
    public SourcedCertificate issue(String agent, List<String> names, CertificationRequest csr)
            throws FleetException {
        IssuedChain issued;
        try {
            issued = issuer.issue(csr, IssueRequest.of(IssueKind.AGENT, names), monitor);
        } catch (IssuerException e) {
            failed.put(agent, FailureKind.of(e.reason()));
            e.retryAfter().ifPresent(asked -> retryAfter.put(agent, asked));
            throw new FleetException(NLS.bind(Messages.Source_failed, issuer.name(), e.getMessage()), e);
        } catch (RuntimeException e) {
            // a plug-in's issuer that broke: the connector reports it, this says whose failure it was
            failed.put(agent, FailureKind.ISSUER_FAILED);
            throw e;
        }
        Certificate signer;
        try {
            signer = signer(issued);
        } catch (FleetException e) {
            failed.put(agent, FailureKind.ISSUER_ANSWER);
            throw e;
        }
        this.issued.add(agent);
        return new SourcedCertificate(issued.certificate(), signer);
    }

    /**
     * {@return the step at which an agent's failed renewal failed} The issuer's failure if it failed; a certificate
     * issued yet the renewal failed was not applied; no issue at all means the agent failed before the issuer was
     * asked.
     */
    /** {@return the time the issuer asked not to be tried before for this agent, where it said one} */
    java.util.Optional<java.time.Instant> retryAfter(String agent) {
        return java.util.Optional.ofNullable(retryAfter.get(agent));
    }

    FailureKind failureKind(String agent) {
        FailureKind kind = failed.get(agent);
        if (kind != null) {
            return kind;
        }
        return this.issued.contains(agent) ? FailureKind.NOT_APPLIED : FailureKind.AGENT;
    }

    private Certificate signer(IssuedChain issued) throws FleetException {
        for (List<Certificate> candidates : List.of(issued.chain(), issuer.caCertificates())) {
            for (Certificate candidate : candidates) {
                if (issued.certificate().isSignedBy(candidate)) {
                    return candidate;
                }
            }
        }
        throw new FleetException(NLS.bind(Messages.Source_noSigner, issuer.name(),
                issued.certificate().issuerCommonName()));
    }
}
