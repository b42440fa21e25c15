package org.certbench.renewal.internal;

import java.util.List;

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
 * chain the issuer returned or else from the issuer's own CA certificates.
 */
final class IssuerSource implements CertificateSource {

    private final Issuer issuer;
    private final IssueMonitor monitor;

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
            throw new FleetException(NLS.bind(Messages.Source_failed, issuer.name(), e.getMessage()), e);
        }
        return new SourcedCertificate(issued.certificate(), signer(issued));
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
