package org.certbench.agents.ui.internal;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.crypto.Certificate;
import org.certbench.ui.status.StatusLook;
import org.eclipse.osgi.util.NLS;

/**
 * An agent as the view shows it: its inventory entry, the status of the last refresh, if any, and when renewal is
 * due for the certificate of that status (empty before the first refresh).
 */
record AgentRow(AgentEntry entry, AgentStatus status, String renewalDue) {

    String name() {
        return entry.name();
    }

    Certificate certificate() {
        if (status != null && status.certificate() != null) {
            return status.certificate();
        }
        return entry.pinnedCertificate();
    }

    String statusText() {
        return status == null ? Messages.NotChecked : status.state().text();
    }

    /** Within this many days of its end a trusted certificate is marked as expiring soon. */
    static final int EXPIRING_SOON_DAYS = 30;

    /** The row's status at a glance: the state of the last refresh, and for a trusted certificate its validity. */
    StatusLook.Mark mark() {
        if (status == null) {
            return StatusLook.Mark.NOT_CHECKED;
        }
        return switch (status.state()) {
        case UNREACHABLE -> StatusLook.Mark.UNREACHABLE;
        case UNTRUSTED -> StatusLook.Mark.UNTRUSTED;
        case TRUSTED -> {
            Certificate presented = certificate();
            Instant now = Instant.now();
            if (presented != null && presented.notAfter().isBefore(now)) {
                yield StatusLook.Mark.EXPIRED;
            }
            if (presented != null && presented.notAfter().isBefore(now.plus(Duration.ofDays(EXPIRING_SOON_DAYS)))) {
                yield StatusLook.Mark.EXPIRING_SOON;
            }
            yield StatusLook.Mark.FINE;
        }
        };
    }

    /**
     * Why the row is marked as it is, in words: the refresh's reason (untrusted, unreachable) or warning, or the end of
     * an expired or expiring certificate; empty for a fine one.
     */
    String reason() {
        if (status == null) {
            return ""; //$NON-NLS-1$
        }
        if (status.reason() != null) {
            return status.reason();
        }
        if (status.warning() != null) {
            return status.warning();
        }
        return switch (mark()) {
        case EXPIRED -> NLS.bind(Messages.Reason_expired, day(certificate()));
        case EXPIRING_SOON -> expiring(Duration.between(Instant.now(), certificate().notAfter()).toDays(),
                day(certificate()));
        default -> ""; //$NON-NLS-1$
        };
    }

    /** {@return "The certificate expires in 1 day, on …", "… in 12 days, …": a choice pattern} */
    static String expiring(long days, String day) {
        return MessageFormat.format(Messages.Reason_expiring, days, day);
    }

    String subject() {
        return certificate() == null ? "" : certificate().summary().subject(); //$NON-NLS-1$
    }

    String issuer() {
        return certificate() == null ? "" : certificate().summary().issuer(); //$NON-NLS-1$
    }

    String expires() {
        return certificate() == null ? "" : day(certificate()); //$NON-NLS-1$
    }

    String selfSigned() {
        return certificate() == null ? "" : certificate().isSelfSigned() ? Messages.Yes : Messages.No; //$NON-NLS-1$
    }

    /**
     * The details' fields, in order: what is particular to the agent (status, reason, address, which certificate is
     * shown), then every field of the certificate's summary as the other views show it (SANs, key, EKU,
     * fingerprints); compared field by field across a selection.
     */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(Messages.Field_status, statusText());
        if (status != null && status.reason() != null) {
            fields.put(Messages.Field_reason, status.reason());
        }
        if (status != null && status.warning() != null) {
            fields.put(Messages.Field_warning, status.warning());
        }
        fields.put(Messages.Field_address, entry.address());
        Certificate certificate = certificate();
        if (certificate != null) {
            fields.put(Messages.Field_shown, presented() ? Messages.Field_shownPresented : Messages.Field_shownPinned);
            certificate.summary().fields().forEach((field, text) -> fields.put(field.label(), text));
        }
        return fields;
    }

    /** {@return whether the certificate shown is the one the agent presented at the last refresh (not the pinned)} */
    boolean presented() {
        return status != null && status.certificate() != null;
    }

    /** {@return the certificates that may have issued the one shown: the CA trusted for this agent, if any} */
    List<Certificate> possibleIssuers() {
        return entry.trustedCa() == null ? List.of() : List.of(entry.trustedCa());
    }

    private static String day(Certificate certificate) {
        return LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC).toString();
    }
}
