package org.certbench.example.haproxy;

import java.io.IOException;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.shell.CommandException;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code haproxy:status} — HAProxy's frontends and the certificate each serves, through its runtime API. */
@Component(service = HaproxyCommands.class, property = { CommandProcessor.COMMAND_SCOPE + "=haproxy", //$NON-NLS-1$
        CommandProcessor.COMMAND_FUNCTION + "=status" }) //$NON-NLS-1$
public final class HaproxyCommands {

    private final HostCertificates host;

    @Activate
    public HaproxyCommands(@Reference HostCertificates host) {
        this.host = host;
    }

    @Descriptor("list HAProxy's frontends and the certificate each serves (subject, SHA-256, file), "
            + "through the admin socket set with host:configure haproxy admin.socket=PATH")
    public List<HaproxyFrontend> status() {
        try {
            return HaproxyStatus.read(host.settings(HaproxyTarget.ID));
        } catch (HostCertificateException e) {
            throw new CommandException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandException(NLS.bind(Messages.Status_socketFailed, e.getMessage()), e);
        }
    }
}
