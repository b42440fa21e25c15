package org.certbench.issuers.internal.commands;

import java.util.stream.Collectors;

import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.internal.Messages;

/** A line of {@code issuer:list}. */
public record IssuerRow(String name, String kinds, String ca, String canRevoke, String description) {

    static IssuerRow of(Issuer issuer) {
        String cas = issuer.caCertificates().stream().map(Certificate::commonName).collect(Collectors.joining(", ")); //$NON-NLS-1$
        return new IssuerRow(issuer.name(), issuer.kinds().stream().sorted().map(IssueKind::label)
                .collect(Collectors.joining(",")), //$NON-NLS-1$
                cas.isEmpty() ? Messages.Command_noCa : cas, issuer.canRevoke() ? Messages.Command_yes : Messages.Command_no,
                issuer.description());
    }
}
