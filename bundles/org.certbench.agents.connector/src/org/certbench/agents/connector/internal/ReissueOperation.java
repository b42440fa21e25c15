package org.certbench.agents.connector.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.agents.connector.SourcedCertificate;
import org.certbench.agents.connector.VerifiedCertificate;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CryptoProblem;
import org.certbench.crypto.IssuedCertificateVerifier;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.crypto.VerificationResult;
import org.eclipse.osgi.util.NLS;

/**
 * "Renew": per agent, a CSR made on the agent for the names the console reaches it by, signed by a
 * {@link CertificateSource}, checked as "Verify Files" checks a file, then applied and confirmed as "Apply
 * Certificates" does. Nothing reaches the agent before the new certificate passed every check, so a failing source
 * or a wrong certificate leaves the agent as it was.
 */
final class ReissueOperation {

    /** X.509's bound of a common name (ub-common-name). */
    static final int MAX_COMMON_NAME = 64;

    private final FleetParts parts;

    ReissueOperation(FleetParts parts) {
        this.parts = parts;
    }

    BatchResult<AppliedCertificate> run(List<String> names, ReissueOptions options, CertificateSource source,
            BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        return parts.runner().run(names, name -> name, relay, BatchRunner.Reporting.EACH_RESULT,
                name -> reissue(parts.inventory().get(name), options, source));
    }

    private AgentResult<AppliedCertificate> reissue(AgentEntry agent, ReissueOptions options,
            CertificateSource source) throws AgentCallException, FleetException {
        // one connection, with the console's certificate, for the CSR and the certificate (the agent's certificate
        // decided on as for any management call; an untrusted agent is refused before any request), then a new
        // handshake to confirm: two handshakes a renewal rather than four
        try (AgentConnector.Session session = parts.connector().session(agent)) {
            return reissue(agent, options, source, session);
        }
    }

    private AgentResult<AppliedCertificate> reissue(AgentEntry agent, ReissueOptions options,
            CertificateSource source, AgentConnector.Session session) throws AgentCallException, FleetException {
        String name = agent.name();
        List<String> names = names(agent, session.presented());
        // X.509 bounds a common name at 64 characters, a DNS name may have 253: the first name that fits
        Optional<String> commonName = names.stream().filter(each -> each.length() <= MAX_COMMON_NAME).findFirst();
        if (commonName.isEmpty()) {
            return AgentResult.failed(name, NLS.bind(Messages.Reissue_noCommonName, String.join(", ", names), //$NON-NLS-1$
                    MAX_COMMON_NAME));
        }
        CsrRequest request = new CsrRequest(commonName.get(), "", "", "", "", "", names); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        // --rekey: the agent keeps the new key pending, serving its current pair until the new certificate arrives
        CsrOperation.Signed signed = options.rekey()
                ? new CsrOperation(parts).signedWithNewKey(agent, request, options.keyType(), session::call)
                : new CsrOperation(parts).signed(agent, request, session::call);
        if (signed.problem() != null) {
            return AgentResult.failed(name, signed.problem());
        }
        // from the issuer's request on a cancel no longer cuts this agent: a certificate issued is applied, not
        // thrown away (an ACME order counts against the CA's limits, a CA's serial is used); an issuer that listens
        // to the batch's cancel stops by itself and issues nothing, and its failure is then the cancel's
        Cancellation.Step step = Cancellation.current();
        if (!step.commit()) {
            throw new AgentCallException(AgentCallException.Kind.CANCELED, Messages.Batch_canceledUnderWay, null);
        }
        SourcedCertificate issued;
        try {
            issued = source.issue(name, names, signed.csr());
        } catch (FleetException e) {
            if (step.cancelAsked()) {
                return AgentResult.canceled(name, NLS.bind(Messages.Reissue_canceledAtIssuer, e.getMessage()));
            }
            return AgentResult.failed(name, NLS.bind(Messages.Reissue_notIssued, e.getMessage()));
        } catch (RuntimeException e) {
            return AgentResult.failed(name, NLS.bind(Messages.Reissue_notIssued, String.valueOf(e)));
        }
        VerificationResult check;
        try {
            // the key the certificate must be for is the CSR's: the one in use, or with --rekey the pending one
            java.security.PublicKey key = issued.certificate().publicKey();
            if (!signed.csr().hasPublicKey(key)) {
                return AgentResult.failed(name, NLS.bind(Messages.Reissue_rejected, Messages.Reissue_otherKey));
            }
            check = IssuedCertificateVerifier.verify(issued.certificate(), issued.ca(), key, name,
                    parts.clock().instant());
        } catch (CertBenchCryptoException e) {
            return AgentResult.failed(name, e.getMessage());
        }
        if (!check.isValid()) {
            return AgentResult.failed(name, NLS.bind(Messages.Reissue_rejected, check.problems().stream()
                    .map(CryptoProblem::message).collect(Collectors.joining("; ")))); //$NON-NLS-1$
        }
        if (!issued.certificate().namesHost(agent.host())) {
            return AgentResult.failed(name, NLS.bind(Messages.Reissue_rejected,
                    NLS.bind(Messages.Reissue_hostNotNamed, agent.host())));
        }
        // the certificate is the session's last call: its connection is closed before the confirming handshake
        AgentConnector.Caller lastCall = (endpoint, json) -> {
            try {
                return session.call(endpoint, json);
            } finally {
                session.close();
            }
        };
        VerifiedCertificate verified = new VerifiedCertificate(name, null, issued.certificate(), issued.ca());
        IssuedCertificateOperation apply = new IssuedCertificateOperation(parts);
        return options.rekey() ? apply.applyNewKey(verified, signed.presented(), lastCall)
                : apply.apply(verified, signed.presented(), lastCall);
    }

    /**
     * The names of the new certificate: the inventory host first (the binding rule checks it), then what the agent's
     * current CA-issued certificate names; a self-signed certificate's names are the agent's own claim and are not
     * carried over.
     */
    static List<String> names(AgentEntry agent, Certificate current) {
        Set<String> names = new LinkedHashSet<>();
        names.add(agent.host());
        if (current != null && !current.isSelfSigned()) {
            for (SubjectAlternativeName name : current.hostNames()) {
                names.add(name.value());
            }
        }
        return new ArrayList<>(names);
    }
}
