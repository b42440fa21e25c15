package org.certbench.host.internal;

import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/** Where a handshake checks what a service serves: {@code host:port}, IPv6 as {@code [::1]:port}. */
record ServiceAddress(String host, int port) {

    static ServiceAddress parse(String text, String key, TargetSettings settings) throws HostCertificateException {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        String host = colon > 0 ? value.substring(0, colon) : ""; //$NON-NLS-1$
        if (host.startsWith("[") && host.endsWith("]")) { //$NON-NLS-1$ //$NON-NLS-2$
            host = host.substring(1, host.length() - 1);
        }
        int port = colon > 0 ? SettingValues.port(value.substring(colon + 1)) : -1;
        if (host.isEmpty() || port < 0) {
            throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Setting_invalid,
                    new Object[] { key + "=" + text, settings.file(), Messages.Setting_expectAddress })); //$NON-NLS-1$
        }
        return new ServiceAddress(host, port);
    }

    /** Whether {@code host} is a name (sent as SNI) rather than an IP literal. */
    boolean hostIsName() {
        return !host.contains(":") && !host.matches("[0-9.]+"); //$NON-NLS-1$ //$NON-NLS-2$
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
    }
}
