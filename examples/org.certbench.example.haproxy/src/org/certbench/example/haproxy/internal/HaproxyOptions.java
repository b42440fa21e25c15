package org.certbench.example.haproxy.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * The settings of the HAProxy target ({@code <home>/host/haproxy.properties}), parsed once per operation:
 * <ul>
 * <li>{@code pem.file} (required): absolute path of the one PEM file HAProxy reads (certificate, chain, key),
 * spelled exactly as after {@code crt} in HAProxy's configuration, because the runtime API names a certificate
 * by that path; written with permissions 0600;</li>
 * <li>{@code admin.socket}: the runtime API socket ({@code stats socket PATH level admin}); the certificate is
 * replaced through it without a reload;</li>
 * <li>{@code master.socket}: the master CLI socket ({@code -S PATH}), used for {@code reload} when there is no
 * admin socket or it does not answer;</li>
 * <li>{@code master.pid}: the master's pid file ({@code pidfile}) or its pid; it is sent {@code SIGUSR2} when
 * neither socket can be used. At least one of the three must be set;</li>
 * <li>{@code check.address}: {@code host:port} of a TLS frontend; default {@code 127.0.0.1:443};</li>
 * <li>{@code check.server.name}: the SNI name sent there; default the host when it is a name.</li>
 * </ul>
 */
record HaproxyOptions(Path pemFile, Path adminSocket, Path masterSocket, String masterPid, Address checkAddress,
        String serverName) {

    static final String PEM_FILE = "pem.file"; //$NON-NLS-1$
    static final String ADMIN_SOCKET = "admin.socket"; //$NON-NLS-1$
    static final String MASTER_SOCKET = "master.socket"; //$NON-NLS-1$
    static final String MASTER_PID = "master.pid"; //$NON-NLS-1$
    static final String CHECK_ADDRESS = "check.address"; //$NON-NLS-1$
    static final String CHECK_SERVER_NAME = "check.server.name"; //$NON-NLS-1$
    static final String DEFAULT_CHECK_ADDRESS = "127.0.0.1:443"; //$NON-NLS-1$

    static List<TargetSetting> settings() {
        return List.of(TargetSetting.required(PEM_FILE, Messages.Setting_pemFile),
                TargetSetting.optional(ADMIN_SOCKET, Messages.Setting_adminSocket, null),
                TargetSetting.optional(MASTER_SOCKET, Messages.Setting_masterSocket, null),
                TargetSetting.optional(MASTER_PID, Messages.Setting_masterPid, null),
                TargetSetting.optional(CHECK_ADDRESS, Messages.Setting_checkAddress, DEFAULT_CHECK_ADDRESS),
                TargetSetting.optional(CHECK_SERVER_NAME, Messages.Setting_checkServerName, null));
    }

    /** Only what a handshake needs, so {@code current} works before the files are configured. */
    static Address checkAddress(TargetSettings settings) throws HostCertificateException {
        String value = settings.value(CHECK_ADDRESS, DEFAULT_CHECK_ADDRESS);
        Address address = Address.parse(value);
        if (address == null) {
            throw invalid(settings, CHECK_ADDRESS, value, Messages.Setting_expectAddress);
        }
        return address;
    }

    static String serverName(TargetSettings settings, Address address) {
        return settings.value(CHECK_SERVER_NAME).orElse(address.hostIsName() ? address.host() : null);
    }

    /** The admin socket alone, for {@code haproxy:status}. */
    static Path adminSocket(TargetSettings settings) throws HostCertificateException {
        String value = settings.value(ADMIN_SOCKET).orElseThrow(() -> new HostCertificateException(
                Reason.NOT_CONFIGURED, NLS.bind(Messages.Setting_missing, ADMIN_SOCKET, settings.targetId())));
        return absolutePath(settings, ADMIN_SOCKET, value);
    }

    static HaproxyOptions parse(TargetSettings settings) throws HostCertificateException {
        String pem = settings.value(PEM_FILE).orElseThrow(() -> new HostCertificateException(Reason.NOT_CONFIGURED,
                NLS.bind(Messages.Setting_missing, PEM_FILE, settings.targetId())));
        Path adminSocket = optionalPath(settings, ADMIN_SOCKET);
        Path masterSocket = optionalPath(settings, MASTER_SOCKET);
        String masterPid = settings.value(MASTER_PID).orElse(null);
        if (masterPid != null && !masterPid.matches("[1-9][0-9]*")) { //$NON-NLS-1$
            absolutePath(settings, MASTER_PID, masterPid);
        }
        if (adminSocket == null && masterSocket == null && masterPid == null) {
            throw new HostCertificateException(Reason.NOT_CONFIGURED, NLS.bind(Messages.Setting_noReloadWay,
                    new Object[] { ADMIN_SOCKET, MASTER_SOCKET, MASTER_PID, settings.targetId() }));
        }
        Address address = checkAddress(settings);
        return new HaproxyOptions(absolutePath(settings, PEM_FILE, pem), adminSocket, masterSocket, masterPid,
                address, serverName(settings, address));
    }

    private static Path optionalPath(TargetSettings settings, String key) throws HostCertificateException {
        String value = settings.value(key).orElse(null);
        return value == null ? null : absolutePath(settings, key, value);
    }

    /** Not normalized: HAProxy names a certificate by the path exactly as its configuration spells it. */
    private static Path absolutePath(TargetSettings settings, String key, String value)
            throws HostCertificateException {
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw invalid(settings, key, value, Messages.Setting_expectAbsolutePath);
        }
        return path;
    }

    private static HostCertificateException invalid(TargetSettings settings, String key, String value,
            String expected) {
        return new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Setting_invalid,
                new Object[] { key + "=" + value, settings.file(), expected })); //$NON-NLS-1$
    }

    /** {@code host:port}, IPv6 as {@code [::1]:port}. */
    record Address(String host, int port) {

        /** @return the address, or {@code null} when the text is not {@code host:port} */
        static Address parse(String text) {
            String value = text.strip();
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(value.substring(colon + 1));
                return host.isEmpty() || port <= 0 || port > 65535 ? null : new Address(host, port);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean hostIsName() {
            return !host.contains(":") && !host.matches("[0-9.]+"); //$NON-NLS-1$ //$NON-NLS-2$
        }

        Address withPort(int otherPort) {
            return new Address(host, otherPort);
        }

        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        }
    }
}
