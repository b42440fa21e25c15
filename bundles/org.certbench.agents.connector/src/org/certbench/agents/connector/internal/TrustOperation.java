package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.TrustChange;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Fingerprints;
import org.certbench.crypto.InvalidRequestException;
import org.eclipse.osgi.util.NLS;

/**
 * "Trust this certificate": pins a self-signed certificate, or trusts the CA that issued a CA-issued one; either
 * way the presented certificate's key is pinned, so that a CA-issued certificate with that key is trusted for the
 * agent at an address it does not name, and so is a renewal that keeps the key. A CA-issued certificate outside
 * its validity is refused: trusting its CA would not make it trusted.
 */
final class TrustOperation {

    private final FleetParts parts;

    TrustOperation(FleetParts parts) {
        this.parts = parts;
    }

    /** @param confirmed the fingerprint confirmed per agent, or {@code null} to trust what is presented */
    BatchResult<TrustChange> run(List<String> names, Map<String, String> confirmed, BatchMonitor monitor) {
        BatchRunner.MonitorRelay relay = new BatchRunner.MonitorRelay(monitor);
        relay.begin(names.size());
        return parts.runner().run(names, name -> name, relay, BatchRunner.Reporting.EACH_RESULT,
                name -> trust(name, confirmed == null ? null : confirmed.get(name), confirmed != null));
    }

    private AgentResult<TrustChange> trust(String name, String confirmedFingerprint, boolean confirmationRequired)
            throws AgentCallException, FleetException {
        // a mistyped fingerprint is told as such, before any connection, not as a certificate that differs
        String confirmed = confirmationRequired ? parsed(confirmedFingerprint) : null;
        AgentEntry agent = parts.inventory().get(name);
        AgentConnector.Handshake handshake = parts.connector().handshake(agent);
        Certificate presented = handshake.certificate();
        if (confirmed != null && !Fingerprints.shown(confirmed).equals(presented.sha256Fingerprint())) {
            return AgentResult.failed(name, NLS.bind(Messages.Trust_notConfirmed, presented.sha256Fingerprint(),
                    confirmedFingerprint.strip()));
        }
        Instant now = parts.clock().instant();
        if (handshake.decision().isTrusted()) {
            return alreadyTrusted(agent, presented, now);
        }
        if (presented.isSelfSigned()) {
            return pin(agent, presented, null);
        }
        if (!presented.isValidAt(now)) {
            return AgentResult.failed(name, NLS.bind(Messages.Trust_refusedInvalid, day(presented.notBefore()),
                    day(presented.notAfter())));
        }
        Certificate ca = TrustPolicy.issuerAmong(presented, candidateCas(agent));
        if (ca == null) {
            return pin(agent, presented,
                    NLS.bind(Messages.Trust_pinnedUnknownCa, presented.summary().issuerCommonName()));
        }
        if (!ca.isValidAt(now)) {
            return AgentResult.failed(name,
                    NLS.bind(Messages.Trust_caExpired, ca.summary().commonName(), day(ca.notAfter())));
        }
        return trustCa(agent, presented, ca);
    }

    private static String parsed(String confirmedFingerprint) throws FleetException {
        try {
            return Fingerprints.parseSha256(confirmedFingerprint == null ? "" : confirmedFingerprint); //$NON-NLS-1$
        } catch (InvalidRequestException e) {
            throw new FleetException(e.getMessage(), e);
        }
    }

    /**
     * A trusted certificate: nothing to change, except that its key is pinned if no key was, and that a CA-issued
     * certificate trusted only as the pinned certificate switches to trusting its CA once this console knows the
     * CA (another console re-trusting an agent after its certificate was applied elsewhere, seed step 4).
     */
    private AgentResult<TrustChange> alreadyTrusted(AgentEntry agent, Certificate presented, Instant now)
            throws FleetException {
        String name = agent.name();
        if (!presented.isSelfSigned() && presented.equals(agent.pinnedCertificate())
                && (agent.trustedCa() == null || !TrustPolicy.isIssuedBy(presented, agent.trustedCa()))) {
            Certificate ca = TrustPolicy.issuerAmong(presented, candidateCas(agent));
            if (ca != null && ca.isValidAt(now)) {
                return trustCa(agent, presented, ca);
            }
        }
        Certificate trusted = presented.equals(agent.pinnedCertificate()) || agent.trustedCa() == null
                ? agent.pinnedCertificate() : agent.trustedCa();
        TrustChange unchanged = new TrustChange(name, TrustChange.Kind.ALREADY_TRUSTED, presented, trusted, trusted);
        if (agent.pinnedKey() == null) {
            parts.inventory().change(name, current -> current(name, current).withKeyOf(presented));
            return AgentResult.succeeded(name, unchanged, Messages.Trust_keyPinned);
        }
        return AgentResult.succeeded(name, unchanged, Messages.Trust_alreadyTrusted);
    }

    /** Trusts {@code ca} for the agent and pins the presented certificate's key: it is the agent's from now on. */
    private AgentResult<TrustChange> trustCa(AgentEntry agent, Certificate presented, Certificate ca)
            throws FleetException {
        String name = agent.name();
        parts.inventory().change(name, current -> new AgentEntry(current(name, current).name(), current.host(),
                current.port(), current.added(), current.pinnedCertificate(), ca,
                presented.publicKeySha256Fingerprint()));
        return AgentResult.succeeded(name,
                new TrustChange(name, TrustChange.Kind.TRUSTED_CA, presented, agent.trustedCa(), ca), null);
    }

    private AgentResult<TrustChange> pin(AgentEntry agent, Certificate presented, String note) throws FleetException {
        String name = agent.name();
        parts.inventory().change(name, current -> new AgentEntry(current(name, current).name(), current.host(),
                current.port(), current.added(), presented, current.trustedCa(),
                presented.publicKeySha256Fingerprint()));
        return AgentResult.succeeded(name, new TrustChange(name, TrustChange.Kind.PINNED_CERTIFICATE, presented,
                agent.pinnedCertificate(), presented), note);
    }

    /** The known CAs, and the agent's own trusted CA (it may have been renewed under the same key and name). */
    private List<Certificate> candidateCas(AgentEntry agent) throws FleetException {
        List<Certificate> candidates = new ArrayList<>();
        try {
            candidates.addAll(parts.store().knownCas());
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Store_cannotRead, parts.store().path(), e.getMessage()), e);
        }
        if (agent.trustedCa() != null) {
            candidates.add(agent.trustedCa());
        }
        return candidates;
    }

    /** The agent as stored now; it may have been removed while its handshake ran. */
    static AgentEntry current(String name, AgentEntry current) throws FleetException {
        if (current == null) {
            throw new FleetException(NLS.bind(Messages.Agent_removedMeanwhile, name));
        }
        return current;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
