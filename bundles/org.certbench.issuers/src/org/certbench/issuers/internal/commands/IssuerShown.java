package org.certbench.issuers.internal.commands;

import java.time.Instant;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;

/** What {@code issuer:show} prints: the issuer and its CA certificates. */
public record IssuerShown(String name, String description, List<String> kinds, boolean canRevoke,
        List<CaCertificate> caCertificates) {

    /** One CA certificate of the issuer. */
    public record CaCertificate(String subject, String sha256, Instant notBefore, Instant notAfter) {
    }

    static IssuerShown of(Issuer issuer) {
        return new IssuerShown(issuer.name(), issuer.description(),
                issuer.kinds().stream().sorted().map(IssueKind::label).toList(), issuer.canRevoke(),
                issuer.caCertificates().stream().map(IssuerShown::shown).toList());
    }

    private static CaCertificate shown(Certificate ca) {
        return new CaCertificate(ca.subject(), ca.sha256Fingerprint(), ca.notBefore(), ca.notAfter());
    }
}
