package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certbench.core.StateDirectory;
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
 * the target is not set up. As the host rows, what the frontends served when last read, by this process or an
 * earlier one ({@link FrontendsSeen}, in the home): no handshake per look at the overview nor per one-shot shell,
 * read again by {@link #refresh()} (the check) and when the target's settings changed.
 */
@Component(service = ExpiryContributor.class)
public final class HaproxyExpiry implements ExpiryContributor {

    static final String KIND = "haproxy"; //$NON-NLS-1$

    private static final System.Logger LOG = System.getLogger(HaproxyExpiry.class.getName());

    private final HostCertificates host;
    private final FrontendsSeen seen;
    private volatile FrontendsSeen.Read last;

    @Activate
    public HaproxyExpiry(@Reference HostCertificates host) {
        this(host, new FrontendsSeen(StateDirectory.area("haproxy"))); //$NON-NLS-1$
    }

    HaproxyExpiry(HostCertificates host, FrontendsSeen seen) {
        this.host = host;
        this.seen = seen;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * What the frontends served when last read, by this process or another on the home, as of then; read again
     * only when never read on this home or when the target's settings changed since (as the overview's host rows),
     * and by the check.
     */
    @Override
    public List<ContributedCertificate> certificates() throws Exception {
        if (!configured()) {
            return List.of();
        }
        TargetSettings settings = host.settings(HaproxyTarget.ID);
        String stamp = FrontendsSeen.stamp(settings);
        // the home's file too: another process's check may have read the frontends since this one did
        FrontendsSeen.Read read = newest(stamp, last, kept());
        if (read == null) {
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

    /** The newer of two reads made with the settings of {@code stamp}, or {@code null} when neither was. */
    private static FrontendsSeen.Read newest(String stamp, FrontendsSeen.Read one, FrontendsSeen.Read other) {
        FrontendsSeen.Read first = one != null && one.settings().equals(stamp) ? one : null;
        FrontendsSeen.Read second = other != null && other.settings().equals(stamp) ? other : null;
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return second.at().isAfter(first.at()) ? second : first;
    }

    /** What an earlier process kept; a file that cannot be used is said in the log and the frontends read again. */
    private FrontendsSeen.Read kept() {
        try {
            return seen.load();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Expiry_seenUnreadable, seen.file(), e.getMessage()),
                    e);
            return null;
        }
    }

    private FrontendsSeen.Read read(TargetSettings settings) throws HostCertificateException, IOException {
        Instant at = Instant.now();
        FrontendsSeen.Read read = new FrontendsSeen.Read(FrontendsSeen.stamp(settings), served(settings), at);
        last = read;
        try {
            seen.save(read);
        } catch (IOException e) {
            // this process still shows it; the next one reads the frontends again
            LOG.log(System.Logger.Level.WARNING, NLS.bind(Messages.Expiry_seenUnwritable, seen.file(), e.getMessage()),
                    e);
        }
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
