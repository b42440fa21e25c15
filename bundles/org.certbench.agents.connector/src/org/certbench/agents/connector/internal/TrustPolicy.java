package org.certbench.agents.connector.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.SubjectAlternativeName;
import org.eclipse.osgi.util.NLS;

/**
 * The one rule for trusting an agent's certificate (second seed, "Certificate Status"):
 * <ul>
 * <li>a self-signed certificate is trusted when it is the pinned one; its validity is not enforced, an
 * expired one is trusted with a warning;</li>
 * <li>a CA-issued certificate is trusted when it is the pinned certificate itself, or when it was signed by
 * the CA trusted for the agent (itself inside its validity) <em>and</em> is bound to this agent: it names the
 * agent's inventory host (a SAN DNS name or IP address, {@link Certificate#namesHost}) or carries the key
 * pinned for it. A fleet usually has one CA: without the binding, any agent's certificate (or any server's the
 * CA signed) would be accepted at every agent's address. In either case it must be inside its validity
 * window.</li>
 * </ul>
 * Nothing else counts: not the CA trust store, not the Common Name. Revocation goes before the pin: a certificate
 * one of this console's issuers revoked ({@link Revocations}) is untrusted whatever is pinned.
 */
final class TrustPolicy {

    private TrustPolicy() {
    }

    static TrustDecision decide(AgentEntry agent, Certificate presented, Instant now) {
        return decide(agent, presented, now, new Revocations());
    }

    static TrustDecision decide(AgentEntry agent, Certificate presented, Instant now, Revocations revocations) {
        java.util.Optional<Instant> revoked = revocations.revokedAt(presented);
        if (revoked.isPresent()) {
            return TrustDecision.untrusted(NLS.bind(Messages.Trust_revoked, day(revoked.get())));
        }
        boolean pinned = presented.equals(agent.pinnedCertificate());
        // the pinned certificate is the same bytes and remembers its answer: no signature check per handshake
        if ((pinned ? agent.pinnedCertificate() : presented).isSelfSigned()) {
            return decideSelfSigned(agent, presented, now);
        }
        boolean byCa = agent.trustedCa() != null && isIssuedBy(presented, agent.trustedCa());
        if (!pinned && !byCa) {
            return TrustDecision.untrusted(notTrustedIssuer(agent, presented));
        }
        if (now.isBefore(presented.notBefore())) {
            return TrustDecision.untrusted(NLS.bind(Messages.Trust_notYetValid, day(presented.notBefore())));
        }
        if (now.isAfter(presented.notAfter())) {
            return TrustDecision.untrusted(NLS.bind(Messages.Trust_expired, day(presented.notAfter())));
        }
        if (!pinned && !agent.trustedCa().isValidAt(now)) {
            return TrustDecision.untrusted(NLS.bind(Messages.Trust_caExpired, agent.trustedCa().summary().commonName(),
                    day(agent.trustedCa().notAfter())));
        }
        if (!pinned && !agent.hasPinnedKey(presented) && !presented.namesHost(agent.host())) {
            return TrustDecision.untrusted(notForThisAgent(agent, presented));
        }
        return TrustDecision.trusted(null);
    }

    /** The names a certificate was issued for, as the reasons show them: its SANs, or its Common Name without. */
    static String issuedFor(Certificate certificate) {
        List<String> names = certificate.hostNames().stream().map(SubjectAlternativeName::value).toList();
        return names.isEmpty() ? certificate.commonName() : String.join(", ", names); //$NON-NLS-1$
    }

    private static String notForThisAgent(AgentEntry agent, Certificate presented) {
        String issuer = agent.trustedCa().commonName();
        if (agent.pinnedKey() == null) {
            return NLS.bind(Messages.Trust_notForThisAgentNoKey, new Object[] { issuer, issuedFor(presented),
                    agent.host(), presented.sha256Fingerprint(), agent.name() });
        }
        return NLS.bind(Messages.Trust_notForThisAgent, new Object[] { issuer, issuedFor(presented), agent.host() });
    }

    /** The CA among {@code candidates} that signed {@code certificate}, or {@code null}. */
    static Certificate issuerAmong(Certificate certificate, Collection<Certificate> candidates) {
        for (Certificate candidate : candidates) {
            if (candidate.isCertificateAuthority() && isIssuedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isIssuedBy(Certificate certificate, Certificate ca) {
        return certificate.issuer().equals(ca.subject()) && certificate.isSignedBy(ca);
    }

    private static TrustDecision decideSelfSigned(AgentEntry agent, Certificate presented, Instant now) {
        Certificate pinned = agent.pinnedCertificate();
        if (presented.equals(pinned)) {
            if (now.isAfter(presented.notAfter())) {
                return TrustDecision.trusted(NLS.bind(Messages.Trust_pinnedExpired, day(presented.notAfter())));
            }
            return TrustDecision.trusted(null);
        }
        if (pinned == null) {
            return TrustDecision.untrusted(NLS.bind(Messages.Trust_selfSignedNotPinned, presented.sha256Fingerprint()));
        }
        return TrustDecision.untrusted(
                NLS.bind(Messages.Trust_selfSignedChanged, presented.sha256Fingerprint(), pinned.sha256Fingerprint()));
    }

    private static String notTrustedIssuer(AgentEntry agent, Certificate presented) {
        String issuer = presented.summary().issuerCommonName();
        if (agent.trustedCa() != null) {
            return NLS.bind(Messages.Trust_otherCa, issuer, agent.trustedCa().summary().commonName());
        }
        return NLS.bind(Messages.Trust_unknownCa, issuer);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
