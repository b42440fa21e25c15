package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Adds what every TLS listener of HAProxy serves to CertBench's expiry overview and warnings, kind {@code haproxy}.
 * The listener whose certificate the {@code haproxy} target manages is contributed too; the overview shows that
 * certificate once, as the target's host row, so what remains are the other frontends' certificates. Nothing while
 * the target is not set up. As the host rows, what the frontends served when last read: no handshake per look at the
 * overview, read again by {@link #refresh()} (the check) and when the target's settings changed.
 */
@Component(service = ExpiryContributor.class)
public final class HaproxyExpiry implements ExpiryContributor {

    static final String KIND = "haproxy"; //$NON-NLS-1$

    private final HostCertificates host;
    private volatile LastRead last;

    private record LastRead(TargetSettings settings, List<ContributedCertificate> served, Instant at) {
    }

    @Activate
    public HaproxyExpiry(@Reference HostCertificates host) {
        this.host = host;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * What the frontends served when last read, as of then; read again only when never read in this process or when
     * the target's settings changed since (as the overview's host rows), and by the check.
     */
    @Override
    public List<ContributedCertificate> certificates() throws Exception {
        if (!configured()) {
            return List.of();
        }
        TargetSettings settings = host.settings(HaproxyTarget.ID);
        LastRead read = last;
        if (read == null || !read.settings().equals(settings)) {
            read = read(settings);
        }
        Instant asOf = read.at();
        return read.served().stream().map(served -> new ContributedCertificate(served.id(), served.name(),
                served.usedAt(), served.certificate(), asOf)).toList();
    }

    /** The check: every frontend's handshake now. */
    @Override
    public void refresh() throws Exception {
        if (configured()) {
            read(host.settings(HaproxyTarget.ID));
        }
    }

    private boolean configured() {
        return host.targets().stream()
                .anyMatch(target -> HaproxyTarget.ID.equals(target.id()) && target.configured());
    }

    private LastRead read(TargetSettings settings) throws HostCertificateException, IOException {
        Instant at = Instant.now();
        LastRead read = new LastRead(settings, served(settings), at);
        last = read;
        return read;
    }

    private static List<ContributedCertificate> served(TargetSettings settings)
            throws HostCertificateException, IOException {
        List<ContributedCertificate> served = new ArrayList<>();
        for (HaproxyStatus.Listener listener : HaproxyStatus.listeners(settings)) {
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
