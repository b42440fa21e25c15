package org.certbench.host.internal;

import java.nio.file.Path;

import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/** Turns setting values into typed options, with messages that name the key, the file and the fix. */
final class SettingValues {

    private SettingValues() {
    }

    static String required(TargetSettings settings, String key, String displayName) throws HostCertificateException {
        return settings.value(key).orElseThrow(() -> new HostCertificateException(Reason.NOT_CONFIGURED,
                NLS.bind(Messages.Setting_missing, new Object[] { displayName, key, settings.targetId() })));
    }

    static Path absolutePath(TargetSettings settings, String key, String value) throws HostCertificateException {
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Setting_invalid,
                    new Object[] { key + "=" + value, settings.file(), Messages.Setting_expectAbsolutePath })); //$NON-NLS-1$
        }
        return path.normalize();
    }

    static int port(TargetSettings settings, String key, String value) throws HostCertificateException {
        int port = port(value);
        if (port < 0) {
            throw new HostCertificateException(Reason.INVALID_SETTING, NLS.bind(Messages.Setting_invalid,
                    new Object[] { key + "=" + value, settings.file(), Messages.Setting_expectPort })); //$NON-NLS-1$
        }
        return port;
    }

    /** The port, or -1 when the text is not one. */
    static int port(String text) {
        try {
            int port = Integer.parseInt(text.strip());
            return port > 0 && port < 65536 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
