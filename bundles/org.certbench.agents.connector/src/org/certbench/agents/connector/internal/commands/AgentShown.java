package org.certbench.agents.connector.internal.commands;

import java.time.Instant;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.crypto.Certificate;

/**
 * {@code agent:show} and {@code agent:add}: the agent, its live status and the certificate it presents, with
 * the SHA-256 fingerprint an administrator compares out of band, and what this console trusts for it.
 */
public record AgentShown(String name, String address, String status, String reason, String warning,
        String subject, String issuer, Instant validFrom, Instant validUntil, String selfSigned,
        String sha256Fingerprint, String pinnedSha256, String trustedCa, String keySha256, String pinnedKeySha256,
        Instant added) {

    static AgentShown of(AgentStatus status) {
        Certificate certificate = status.certificate();
        Certificate pinned = status.agent().pinnedCertificate();
        Certificate ca = status.agent().trustedCa();
        return new AgentShown(status.agent().name(), status.agent().address(), status.state().text(),
                orDash(status.reason()), orDash(status.warning()),
                certificate == null ? "-" : certificate.subject(), certificate == null ? "-" : certificate.issuer(),
                certificate == null ? null : certificate.notBefore(), certificate == null ? null : certificate.notAfter(),
                certificate == null ? "-" : certificate.isSelfSigned() ? "yes" : "no",
                certificate == null ? "-" : certificate.sha256Fingerprint(),
                pinned == null ? "-" : pinned.sha256Fingerprint(),
                ca == null ? "-" : ca.subject() + " (SHA-256 " + ca.sha256Fingerprint() + ")",
                certificate == null ? "-" : certificate.publicKeySha256Fingerprint(),
                orDash(status.agent().pinnedKey()), status.agent().added());
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
