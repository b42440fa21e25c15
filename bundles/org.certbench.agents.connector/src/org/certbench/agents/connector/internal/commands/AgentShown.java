package org.certbench.agents.connector.internal.commands;

import java.time.Instant;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.internal.Messages;
import org.certbench.crypto.Certificate;
import org.eclipse.osgi.util.NLS;

/**
 * {@code agent:show} and {@code agent:add}: the agent, its live status and the certificate it presents, with
 * the SHA-256 fingerprint an administrator compares out of band, and what this console trusts for it.
 */
public record AgentShown(String name, String address, String status, String reason, String warning,
        String subject, String issuer, Instant validFrom, Instant validUntil, String selfSigned,
        String sha256Fingerprint, String pinnedSha256, String trustedCa, String keySha256, String pinnedKeySha256,
        Instant added) {

    /** What the shell shows for a value that is not there (as in the other details). */
    private static final String NONE = "-"; //$NON-NLS-1$

    static AgentShown of(AgentStatus status) {
        Certificate certificate = status.certificate();
        Certificate pinned = status.agent().pinnedCertificate();
        Certificate ca = status.agent().trustedCa();
        return new AgentShown(status.agent().name(), status.agent().address(), status.state().text(),
                orDash(status.reason()), orDash(status.warning()),
                certificate == null ? NONE : certificate.subject(), certificate == null ? NONE : certificate.issuer(),
                certificate == null ? null : certificate.notBefore(), certificate == null ? null : certificate.notAfter(),
                certificate == null ? NONE : certificate.isSelfSigned() ? Messages.Command_yes : Messages.Command_no,
                certificate == null ? NONE : certificate.sha256Fingerprint(),
                pinned == null ? NONE : pinned.sha256Fingerprint(),
                ca == null ? NONE : NLS.bind(Messages.Command_ca, ca.subject(), ca.sha256Fingerprint()),
                certificate == null ? NONE : certificate.publicKeySha256Fingerprint(),
                orDash(status.agent().pinnedKey()), status.agent().added());
    }

    private static String orDash(String text) {
        return text == null ? NONE : text;
    }
}
