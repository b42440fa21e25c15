package org.certbench.host.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.certbench.core.TextBundle;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.eclipse.osgi.util.NLS;

/**
 * What an administrator may accept but should know about a host certificate. Warnings, not refusals: the
 * administrator may know better (a name served through an alias, a chain completed elsewhere).
 */
final class CertificateWarnings {

    private static final String SERVER_AUTH = "serverAuth"; //$NON-NLS-1$

    private CertificateWarnings() {
    }

    /** For a certificate being served: names and expiry. */
    static List<String> served(Certificate certificate, HostIdentity host, Instant now) {
        List<String> warnings = new ArrayList<>();
        if (!HostCoverage.covers(certificate, host)) {
            warnings.add(NLS.bind(Messages.Warning_notThisHost, HostCoverage.names(certificate), host.fqdn()));
        }
        if (certificate.notAfter().isBefore(now)) {
            warnings.add(NLS.bind(Messages.Warning_expired, date(certificate.notAfter())));
        } else if (certificate.notAfter().isBefore(now.plus(Duration.ofDays(HostCertificates.EXPIRY_WARNING_DAYS)))) {
            long days = Duration.between(now, certificate.notAfter()).toDays();
            warnings.add(TextBundle.fill(Messages.Warning_expiresSoon, date(certificate.notAfter()), days));
        }
        if (certificate.notBefore().isAfter(now)) {
            warnings.add(NLS.bind(Messages.Warning_notYetValid, date(certificate.notBefore())));
        }
        return warnings;
    }

    /** For an upload: also whether the chain links and the certificate is meant for TLS servers. */
    static List<String> upload(Certificate certificate, List<Certificate> chain, HostIdentity host, Instant now) {
        List<String> warnings = new ArrayList<>();
        Certificate child = certificate;
        for (Certificate parent : chain) {
            if (!child.issuer().equals(parent.subject()) || !child.isSignedBy(parent)) {
                warnings.add(NLS.bind(Messages.Warning_chainBroken, child.summary().commonName(),
                        parent.summary().commonName()));
            }
            child = parent;
        }
        List<String> purposes = certificate.summary().extendedKeyUsage();
        if (!purposes.isEmpty() && !purposes.contains(SERVER_AUTH)) {
            warnings.add(NLS.bind(Messages.Warning_noServerAuth, String.join(", ", purposes))); //$NON-NLS-1$
        } else if (purposes.isEmpty()) {
            warnings.add(Messages.Warning_noExtendedKeyUsage);
        }
        warnings.addAll(served(certificate, host, now));
        return warnings;
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
