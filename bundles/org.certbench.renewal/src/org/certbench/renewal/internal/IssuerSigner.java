package org.certbench.renewal.internal;

import java.util.ArrayList;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.host.CertificateSigner;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.RenewalMonitor;
import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.eclipse.osgi.util.NLS;

/**
 * An {@link Issuer} as the host service's {@link CertificateSigner}: the host bundle knows no issuers. The lifetime
 * is the issuer's to choose; challenges go to the responder renewal found for the issuer.
 */
final class IssuerSigner implements CertificateSigner {

    private final Issuer issuer;
    private final ChallengeResponder responder;

    IssuerSigner(Issuer issuer, ChallengeResponder responder) {
        this.issuer = issuer;
        this.responder = responder;
    }

    @Override
    public List<Certificate> sign(CertificationRequest csr, List<String> names, RenewalMonitor monitor)
            throws HostCertificateException {
        IssueMonitor issueMonitor = new IssueMonitor() {
            @Override
            public void subTask(String text) {
                monitor.subTask(text);
            }

            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
        IssuedChain issued;
        try {
            issued = issuer.issue(csr, new IssueRequest(IssueKind.HOST, names, java.util.Optional.empty(), responder),
                    issueMonitor);
        } catch (IssuerException e) {
            throw new HostCertificateException(
                    e.reason() == IssuerException.Reason.CANCELED ? Reason.CANCELED : Reason.SIGNING_FAILED,
                    NLS.bind(Messages.Source_failed, issuer.name(), e.getMessage()), e);
        }
        List<Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        if (issued.chain().isEmpty()) {
            // an issuer that returns the certificate alone: its own CA certificates complete the chain to be checked
            issuer.caCertificates().stream().filter(ca -> issued.certificate().isSignedBy(ca)).findFirst()
                    .ifPresent(chain::add);
        }
        return chain;
    }
}
