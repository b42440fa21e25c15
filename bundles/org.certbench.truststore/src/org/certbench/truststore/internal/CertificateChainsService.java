package org.certbench.truststore.internal;

import java.time.Clock;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.ChainLink;
import org.certbench.truststore.TrustStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link CertificateChains} over the store's CA certificates as listed now. */
@Component(service = CertificateChains.class)
public final class CertificateChainsService implements CertificateChains {

    private final TrustStore store;
    private final Clock clock;

    @Activate
    public CertificateChainsService(@Reference TrustStore store) {
        this(store, Clock.systemUTC());
    }

    CertificateChainsService(TrustStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<ChainLink> pathOf(Certificate certificate, List<Certificate> presented) {
        return ChainPaths.pathOf(certificate, presented,
                store.list().stream().map(CaEntry::certificate).toList(), clock.instant());
    }
}
