package org.certbench.agents.connector.internal.commands;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.internal.Messages;
import org.certbench.crypto.Certificate;

/** A line of {@code agent:list}: the live status beside what the certificate panel shows. */
public record AgentRow(String name, String address, String status, String subject, String issuer, LocalDate expires,
        String selfSigned, String note) {

    static AgentRow of(AgentStatus status) {
        Certificate certificate = status.certificate();
        String note = status.reason() != null ? status.reason() : status.warning() != null ? status.warning() : "";
        if (certificate == null) {
            return new AgentRow(status.agent().name(), status.agent().address(), status.state().text(), "", "", null,
                    "", note);
        }
        return new AgentRow(status.agent().name(), status.agent().address(), status.state().text(),
                certificate.summary().commonName(), certificate.summary().issuerCommonName(),
                LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC), certificate.isSelfSigned() ? Messages.Command_yes : Messages.Command_no,
                note);
    }
}
