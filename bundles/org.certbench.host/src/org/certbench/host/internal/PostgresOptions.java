package org.certbench.host.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * The settings of the PostgreSQL target ({@code <home>/host/postgresql.properties}), parsed once per operation:
 * <ul>
 * <li>{@code data.directory} (required): the cluster's data directory; its owner (the user PostgreSQL runs as)
 * gets the key file, and psql / pg_ctl run as that user when CertBench runs as root;</li>
 * <li>{@code ssl.cert.file}, {@code ssl.key.file}: the server's {@code ssl_cert_file} and {@code ssl_key_file},
 * relative to the data directory or absolute; default {@code server.crt} and {@code server.key} (PostgreSQL's
 * own defaults). They must name the files the server is configured with;</li>
 * <li>{@code reload}: {@code sql} (default) runs {@code SELECT pg_reload_conf()} through psql over the
 * connection below; {@code pg_ctl} runs {@code pg_ctl reload -D <data directory>};</li>
 * <li>{@code connection.host} (default {@code 127.0.0.1}; a directory means a Unix socket),
 * {@code connection.port} (default {@code 5432}), {@code connection.user} (default {@code postgres}),
 * {@code connection.database} (default {@code postgres}): where psql connects to reload; the password, if
 * one is needed, comes from the usual {@code ~/.pgpass} of the user psql runs as;</li>
 * <li>{@code psql.command}, {@code pg_ctl.command}: the programs, default {@code psql} and {@code pg_ctl} from
 * the PATH (on Debian pg_ctl is in {@code /usr/lib/postgresql/<version>/bin});</li>
 * <li>{@code check.address}: {@code host:port} for the handshake (SSLRequest, then TLS) that reads what the
 * server serves; default the connection's host (127.0.0.1 for a socket) and port.</li>
 * </ul>
 */
record PostgresOptions(Path dataDirectory, Path certificateFile, Path keyFile, ReloadMode reload, String host,
        int port, String user, String database, String psqlCommand, String pgCtlCommand,
        ServiceAddress checkAddress) {

    enum ReloadMode {
        SQL, PG_CTL
    }

    static final String DATA_DIRECTORY = "data.directory"; //$NON-NLS-1$
    static final String CERT_FILE = "ssl.cert.file"; //$NON-NLS-1$
    static final String KEY_FILE = "ssl.key.file"; //$NON-NLS-1$
    static final String RELOAD = "reload"; //$NON-NLS-1$
    static final String HOST = "connection.host"; //$NON-NLS-1$
    static final String PORT = "connection.port"; //$NON-NLS-1$
    static final String USER = "connection.user"; //$NON-NLS-1$
    static final String DATABASE = "connection.database"; //$NON-NLS-1$
    static final String PSQL = "psql.command"; //$NON-NLS-1$
    static final String PG_CTL = "pg_ctl.command"; //$NON-NLS-1$
    static final String CHECK_ADDRESS = "check.address"; //$NON-NLS-1$

    private static final String DEFAULT_HOST = "127.0.0.1"; //$NON-NLS-1$
    private static final String DEFAULT_PORT = "5432"; //$NON-NLS-1$

    static List<TargetSetting> settings() {
        return List.of(TargetSetting.required(DATA_DIRECTORY, Messages.Postgres_dataDirectory),
                TargetSetting.optional(CERT_FILE, Messages.Postgres_certFile, "server.crt"), //$NON-NLS-1$
                TargetSetting.optional(KEY_FILE, Messages.Postgres_keyFile, "server.key"), //$NON-NLS-1$
                TargetSetting.optional(RELOAD, Messages.Postgres_reload, "sql"), //$NON-NLS-1$
                TargetSetting.optional(HOST, Messages.Postgres_host, DEFAULT_HOST),
                TargetSetting.optional(PORT, Messages.Postgres_port, DEFAULT_PORT),
                TargetSetting.optional(USER, Messages.Postgres_user, "postgres"), //$NON-NLS-1$
                TargetSetting.optional(DATABASE, Messages.Postgres_database, "postgres"), //$NON-NLS-1$
                TargetSetting.optional(PSQL, Messages.Postgres_psql, "psql"), //$NON-NLS-1$
                TargetSetting.optional(PG_CTL, Messages.Postgres_pgCtl, "pg_ctl"), //$NON-NLS-1$
                TargetSetting.optional(CHECK_ADDRESS, Messages.Postgres_checkAddress, null),
                HttpsOptions.keyTypeSetting(), HttpsOptions.namesSetting());
    }

    /** Only what the handshake needs, so {@code current} works before the data directory is configured. */
    static ServiceAddress checkAddress(TargetSettings settings) throws HostCertificateException {
        String configured = settings.value(CHECK_ADDRESS).orElse(null);
        if (configured != null) {
            return ServiceAddress.parse(configured, CHECK_ADDRESS, settings);
        }
        String host = settings.value(HOST, DEFAULT_HOST);
        return new ServiceAddress(host.startsWith("/") ? DEFAULT_HOST : host, //$NON-NLS-1$
                SettingValues.port(settings, PORT, settings.value(PORT, DEFAULT_PORT)));
    }

    static PostgresOptions parse(TargetSettings settings) throws HostCertificateException {
        Path data = SettingValues.absolutePath(settings, DATA_DIRECTORY,
                SettingValues.required(settings, DATA_DIRECTORY, Messages.Postgres_name));
        return new PostgresOptions(data, data.resolve(settings.value(CERT_FILE, "server.crt")).normalize(), //$NON-NLS-1$
                data.resolve(settings.value(KEY_FILE, "server.key")).normalize(), reloadMode(settings), //$NON-NLS-1$
                settings.value(HOST, DEFAULT_HOST), SettingValues.port(settings, PORT, settings.value(PORT, DEFAULT_PORT)),
                settings.value(USER, "postgres"), settings.value(DATABASE, "postgres"), //$NON-NLS-1$ //$NON-NLS-2$
                settings.value(PSQL, "psql"), settings.value(PG_CTL, "pg_ctl"), checkAddress(settings)); //$NON-NLS-1$ //$NON-NLS-2$
    }

    /** The libpq connection string of the reload connection; values quoted as libpq wants. */
    String connectionString() {
        return "host=" + quoted(host) + " port=" + port + " user=" + quoted(user) + " dbname=" + quoted(database) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
                + " connect_timeout=10"; //$NON-NLS-1$
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
    }

    private static ReloadMode reloadMode(TargetSettings settings) throws HostCertificateException {
        String value = settings.value(RELOAD, "sql"); //$NON-NLS-1$
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sql" -> ReloadMode.SQL; //$NON-NLS-1$
            case "pg_ctl" -> ReloadMode.PG_CTL; //$NON-NLS-1$
            default -> throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Setting_invalid,
                    new Object[] { RELOAD + "=" + value, settings.file(), Messages.Setting_expectReloadMode })); //$NON-NLS-1$
        };
    }
}
