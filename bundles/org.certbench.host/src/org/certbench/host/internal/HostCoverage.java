package org.certbench.host.internal;

import java.util.List;
import java.util.Locale;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateSummary;
import org.certbench.crypto.HostIdentity;

/**
 * Whether a certificate names this host as clients check it: its FQDN matches a DNS subject alternative name
 * (a wildcard stands for exactly one leftmost label, RFC 6125); without any DNS name, libpq and older clients
 * fall back to the Common Name, so that counts then.
 */
final class HostCoverage {

    private static final String DNS = "DNS:"; //$NON-NLS-1$

    private HostCoverage() {
    }

    static boolean covers(Certificate certificate, HostIdentity host) {
        CertificateSummary summary = certificate.summary();
        List<String> dnsNames = summary.subjectAlternativeNames().stream().filter(name -> name.startsWith(DNS))
                .map(name -> name.substring(DNS.length())).toList();
        String fqdn = host.fqdn().toLowerCase(Locale.ROOT);
        if (dnsNames.isEmpty()) {
            return fqdn.equalsIgnoreCase(summary.commonName());
        }
        return dnsNames.stream().anyMatch(name -> matches(name.toLowerCase(Locale.ROOT), fqdn));
    }

    /** The names the certificate is for, as the warnings show them. */
    static String names(Certificate certificate) {
        CertificateSummary summary = certificate.summary();
        return summary.subjectAlternativeNames().isEmpty() ? summary.commonName()
                : String.join(", ", summary.subjectAlternativeNames()); //$NON-NLS-1$
    }

    private static boolean matches(String pattern, String name) {
        if (!pattern.startsWith("*.")) { //$NON-NLS-1$
            return pattern.equals(name);
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot).equals(pattern.substring(1));
    }
}
