package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.util.List;

import org.certbench.example.haproxy.HaproxyException;
import org.certbench.example.haproxy.HaproxyFrontend;
import org.certbench.example.haproxy.HaproxyMonitor;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads HAProxy's state with the settings of the {@code haproxy} target, as saved by {@code host:configure}. */
@Component(service = HaproxyMonitor.class)
public final class HaproxyMonitorComponent implements HaproxyMonitor {

    private final HostCertificates host;

    @Activate
    public HaproxyMonitorComponent(@Reference HostCertificates host) {
        this.host = host;
    }

    @Override
    public List<HaproxyFrontend> frontends() throws HaproxyException {
        try {
            return HaproxyStatus.read(host.settings(HaproxyTarget.ID));
        } catch (HostCertificateException e) {
            throw new HaproxyException(e.getMessage(), e);
        } catch (IOException e) {
            throw new HaproxyException(NLS.bind(Messages.Status_socketFailed, e.getMessage()), e);
        }
    }
}
