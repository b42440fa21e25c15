package org.certbench.truststore.internal;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import org.certbench.crypto.CaImportRules;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CryptoProblem;
import org.certbench.truststore.CaEntry;
import org.eclipse.osgi.util.NLS;

/** Which stored CA certificates can verify outbound connections, and those certificates. */
final class TrustAnchors {

    private TrustAnchors() {
    }

    /** Why {@code certificate} cannot verify connections, or {@code null} when it can. */
    static String problem(Certificate certificate) {
        try {
            X509Certificate x509 = certificate.toX509Certificate();
            if (x509.getSubjectX500Principal().getName().isEmpty()) {
                return Messages.Anchor_emptySubject;
            }
        } catch (CertBenchCryptoException e) {
            return NLS.bind(Messages.Anchor_unusable, e.getMessage());
        }
        return CaImportRules.constraintsProblem(certificate).map(CryptoProblem::message)
                .map(reason -> NLS.bind(Messages.Anchor_unusable, reason)).orElse(null);
    }

    static List<Certificate> usable(Collection<CaEntry> entries) {
        return entries.stream().filter(CaEntry::usableAsTrustAnchor).map(CaEntry::certificate).toList();
    }
}
