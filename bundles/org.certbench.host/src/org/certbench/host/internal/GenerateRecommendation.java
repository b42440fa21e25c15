package org.certbench.host.internal;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificateException;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSettings;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.eclipse.osgi.util.NLS;

/**
 * The first seed's advice, "after the first login or a change of hostname, generate a new certificate", as one
 * system message per target that serves a certificate not covering this host, or answers without TLS. Keyed by
 * target and served certificate: each such certificate is reported once, a new one (or a new hostname that the
 * old one does not cover) again. A target that is not configured or not reachable gets no message: Generate
 * could not help it yet, and the view shows why.
 */
final class GenerateRecommendation {

    private static final String KEY_PREFIX = "host.generate/"; //$NON-NLS-1$

    private final SystemMessages messages;

    GenerateRecommendation(SystemMessages messages) {
        this.messages = messages;
    }

    /** @return whether this target needs a new certificate (a message was posted, now or earlier) */
    boolean check(ServiceTarget target, TargetSettings settings, HostIdentity host) {
        List<Certificate> served;
        try {
            served = target.current(settings);
        } catch (HostCertificateException unreachable) {
            return false;
        }
        if (served.isEmpty()) {
            messages.post(Severity.WARNING, Messages.Source, NLS.bind(Messages.Recommend_noCertificate,
                    new Object[] { target.displayName(), host.fqdn(), target.id() }), KEY_PREFIX + target.id() + "/none"); //$NON-NLS-1$
            return true;
        }
        Certificate certificate = served.get(0);
        if (HostCoverage.covers(certificate, host)) {
            return false;
        }
        messages.post(Severity.WARNING, Messages.Source,
                NLS.bind(Messages.Recommend_notThisHost, new Object[] { target.displayName(),
                        HostCoverage.names(certificate), host.fqdn(), target.id() }),
                KEY_PREFIX + target.id() + "/" + certificate.sha256Fingerprint() + "/" + host.fqdn()); //$NON-NLS-1$ //$NON-NLS-2$
        return true;
    }
}
