package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.host.HostCertificateException;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

/** The HTTPS server of this host, nginx-style: a certificate file, a key file and a reload command. See {@link HttpsOptions}. */
@Component(service = ServiceTarget.class)
public final class HttpsTarget implements ServiceTarget {

    static final String ID = "https"; //$NON-NLS-1$
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return Messages.Https_name;
    }

    @Override
    public List<TargetSetting> settings() {
        return HttpsOptions.settings();
    }

    @Override
    public List<Certificate> current(TargetSettings settings) throws HostCertificateException {
        ServiceAddress address = HttpsOptions.checkAddress(settings);
        return new TlsProbe(HANDSHAKE_TIMEOUT).tls(address, HttpsOptions.serverName(settings, address));
    }

    @Override
    public void install(ServerCredentials credentials, TargetSettings settings) throws HostCertificateException {
        HttpsOptions options = HttpsOptions.parse(settings);
        PairFileSteps.install(credentials, options.certificateFile(), options.keyFile(), () -> keyOwner(options));
    }

    @Override
    public void reload(TargetSettings settings) throws HostCertificateException {
        HttpsOptions options = HttpsOptions.parse(settings);
        List<String> command = List.of("/bin/sh", "-c", options.reloadCommand()); //$NON-NLS-1$ //$NON-NLS-2$
        PairFileSteps.reload(options.reloadCommand(), () -> ProcessRun.run(command, RELOAD_TIMEOUT));
    }

    @Override
    public void restorePrevious(TargetSettings settings) throws HostCertificateException {
        HttpsOptions options = HttpsOptions.parse(settings);
        PairFileSteps.restorePrevious(options.certificateFile(), options.keyFile());
    }

    /** The configured owner, else whoever owns the key being replaced (nginx reads keys as its master's user). */
    private static UserPrincipal keyOwner(HttpsOptions options) throws IOException {
        Path key = options.keyFile();
        if (options.keyOwner() != null) {
            return key.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(options.keyOwner());
        }
        return Files.exists(key) ? Files.getOwner(key) : null;
    }
}
