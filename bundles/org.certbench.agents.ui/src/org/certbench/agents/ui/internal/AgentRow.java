package org.certbench.agents.ui.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateSummary;

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

    /** The certificate panel's fields, in order; compared field by field across a selection. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        Certificate certificate = certificate();
        if (certificate != null) {
            CertificateSummary summary = certificate.summary();
            fields.put(Messages.Field_subject, summary.subject());
            fields.put(Messages.Field_issuer, summary.issuer());
            fields.put(Messages.Field_validFrom, LocalDate.ofInstant(summary.notBefore(), ZoneOffset.UTC).toString());
            fields.put(Messages.Field_validTo, day(certificate));
            fields.put(Messages.Field_selfSigned, selfSigned());
            fields.put(Messages.Field_fingerprint, summary.sha256Fingerprint());
        }
        fields.put(Messages.Field_status, statusText());
        if (status != null && status.reason() != null) {
            fields.put(Messages.Field_reason, status.reason());
        }
        if (status != null && status.warning() != null) {
            fields.put(Messages.Field_warning, status.warning());
        }
        return fields;
    }

    private static String day(Certificate certificate) {
        return LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC).toString();
    }
}
