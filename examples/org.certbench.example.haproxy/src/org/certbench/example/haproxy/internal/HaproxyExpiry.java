package org.certbench.example.haproxy.internal;

import java.util.ArrayList;
import java.util.List;

import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.host.HostCertificates;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Adds what every TLS listener of HAProxy serves to CertBench's expiry overview and warnings, kind {@code haproxy}.
 * The listener whose certificate the {@code haproxy} target manages is contributed too; the overview shows that
 * certificate once, as the target's host row, so what remains are the other frontends' certificates. Nothing while
 * the target is not set up.
 */
@Component(service = ExpiryContributor.class)
public final class HaproxyExpiry implements ExpiryContributor {

    static final String KIND = "haproxy"; //$NON-NLS-1$

    private final HostCertificates host;

    @Activate
    public HaproxyExpiry(@Reference HostCertificates host) {
        this.host = host;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<ContributedCertificate> certificates() throws Exception {
        boolean configured = host.targets().stream()
                .anyMatch(target -> HaproxyTarget.ID.equals(target.id()) && target.configured());
        if (!configured) {
            return List.of();
        }
        List<ContributedCertificate> served = new ArrayList<>();
        for (HaproxyStatus.Listener listener : HaproxyStatus.listeners(host.settings(HaproxyTarget.ID))) {
            if (listener.served() == null) {
                continue;
            }
            String frontend = listener.line().frontend();
            String address = listener.line().address();
            String usedAt = listener.line().certificateFile() == null
                    ? NLS.bind(Messages.Expiry_usedAt, frontend, address)
                    : NLS.bind(Messages.Expiry_usedAtFile, new Object[] { frontend, address,
                            listener.line().certificateFile() });
            served.add(new ContributedCertificate(frontend + "@" + address, frontend, usedAt, listener.served(), //$NON-NLS-1$
                    null));
        }
        return served;
    }
}
