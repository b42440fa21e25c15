package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Files;
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

/**
 * PostgreSQL's {@code ssl_cert_file} and {@code ssl_key_file} in a data directory. The key is owned by the data
 * directory's owner with permissions 0600, since PostgreSQL refuses any other key. A reload with a bad key does
 * not fail: PostgreSQL logs "SSL configuration was not reloaded" and keeps the old certificate, which is why the
 * service confirms by handshake. See {@link PostgresOptions}.
 */
@Component(service = ServiceTarget.class)
public final class PostgresTarget implements ServiceTarget {

    static final String ID = "postgresql"; //$NON-NLS-1$
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return Messages.Postgres_name;
    }

    @Override
    public List<TargetSetting> settings() {
        return PostgresOptions.settings();
    }

    @Override
    public List<Certificate> current(TargetSettings settings) throws HostCertificateException {
        return new TlsProbe(HANDSHAKE_TIMEOUT).postgres(PostgresOptions.checkAddress(settings));
    }

    @Override
    public void install(ServerCredentials credentials, TargetSettings settings) throws HostCertificateException {
        PostgresOptions options = PostgresOptions.parse(settings);
        PairFileSteps.install(credentials, options.certificateFile(), options.keyFile(), () -> owner(options));
    }

    @Override
    public void reload(TargetSettings settings) throws HostCertificateException {
        PostgresOptions options = PostgresOptions.parse(settings);
        List<String> command = switch (options.reload()) {
            case SQL -> List.of(options.psqlCommand(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
                    options.connectionString(), "-c", "SELECT pg_reload_conf()"); //$NON-NLS-1$ //$NON-NLS-2$
            case PG_CTL -> List.of(options.pgCtlCommand(), "reload", "-D", options.dataDirectory().toString()); //$NON-NLS-1$ //$NON-NLS-2$
        };
        PairFileSteps.reload(String.join(" ", command), //$NON-NLS-1$
                () -> ProcessRun.run(ProcessRun.as(owner(options), command), RELOAD_TIMEOUT));
    }

    @Override
    public void restorePrevious(TargetSettings settings) throws HostCertificateException {
        PostgresOptions options = PostgresOptions.parse(settings);
        PairFileSteps.restorePrevious(options.certificateFile(), options.keyFile());
    }

    /** The user PostgreSQL runs as: it owns the data directory (initdb makes it so, and the server checks it). */
    private static UserPrincipal owner(PostgresOptions options) throws IOException {
        return Files.getOwner(options.dataDirectory());
    }
}
