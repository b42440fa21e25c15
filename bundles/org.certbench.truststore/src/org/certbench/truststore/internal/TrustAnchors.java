package org.certbench.truststore.internal;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collection;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.truststore.CaEntry;
import org.eclipse.osgi.util.NLS;

/** Which stored CA certificates the platform's TLS can use as trust anchors, and the KeyStore of those. */
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
            return null;
        } catch (CertBenchCryptoException e) {
            return NLS.bind(Messages.Anchor_unusable, e.getMessage());
        }
    }

    static KeyStore keyStore(Collection<CaEntry> entries) throws KeyStoreException {
        KeyStore store = KeyStore.getInstance("PKCS12"); //$NON-NLS-1$
        try {
            store.load(null, null);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException
                | java.security.cert.CertificateException e) {
            throw new KeyStoreException(e);
        }
        for (CaEntry entry : entries) {
            if (entry.usableAsTrustAnchor()) {
                try {
                    store.setCertificateEntry(entry.id(), entry.certificate().toX509Certificate());
                } catch (CertBenchCryptoException e) {
                    // problem() already told the administrator; such a certificate simply verifies nothing
                }
            }
        }
        return store;
    }
}
