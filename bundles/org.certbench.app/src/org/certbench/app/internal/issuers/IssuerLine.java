package org.certbench.app.internal.issuers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.certbench.app.internal.Messages;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;
import org.eclipse.osgi.util.NLS;

/**
 * One row of Settings > Issuers, its texts made off the UI thread (a plug-in's issuer may be slow to answer).
 *
 * @param issuer the issuer itself, for Show, Remove and Export
 * @param cells name, type, CA subject, CA expiry, kinds, can revoke
 * @param details what Show displays
 */
record IssuerLine(Issuer issuer, List<String> cells, String details) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd") //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z") //$NON-NLS-1$
            .withZone(ZoneId.systemDefault());

    static IssuerLine of(Issuer issuer) {
        List<Certificate> cas = caCertificates(issuer);
        String kinds = issuer.kinds().stream().sorted().map(IssueKind::label)
                .collect(Collectors.joining(", ")); //$NON-NLS-1$
        String subject = cas.isEmpty() ? Messages.Issuers_noCa : cas.get(0).subject();
        String expiry = cas.isEmpty() ? "" : DAY.format(cas.get(0).notAfter()); //$NON-NLS-1$
        String revoke = issuer.canRevoke() ? Messages.Issuers_yes : Messages.Issuers_no;
        List<String> cells = List.of(issuer.name(), issuer.type(), subject, expiry, kinds, revoke);
        StringBuilder details = new StringBuilder(NLS.bind(Messages.Issuers_details, new Object[] { issuer.name(),
                issuer.type(), issuer.description(), kinds, revoke }));
        for (Certificate ca : cas) {
            details.append(System.lineSeparator()).append(System.lineSeparator()).append(NLS.bind(
                    Messages.Issuers_caDetails, new Object[] { ca.subject(), ca.sha256Fingerprint(),
                            TIME.format(ca.notBefore()), TIME.format(ca.notAfter()) }));
        }
        return new IssuerLine(issuer, cells, details.toString());
    }

    /** A plug-in's issuer that throws is shown without CA rather than breaking the page. */
    private static List<Certificate> caCertificates(Issuer issuer) {
        try {
            return issuer.caCertificates();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
