package org.certbench.host.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.crypto.KeyType;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;

/**
 * The settings of the HTTPS target ({@code <home>/host/https.properties}), parsed once per operation:
 * <ul>
 * <li>{@code certificate.file} (required): absolute path of the PEM certificate file the server reads
 * (nginx {@code ssl_certificate}); the host certificate followed by its chain is written to it;</li>
 * <li>{@code key.file} (required): absolute path of the private key file (nginx {@code ssl_certificate_key}),
 * written with permissions 0600;</li>
 * <li>{@code key.owner}: the user to own the key file; default: the owner of the key file it replaces;</li>
 * <li>{@code reload.command} (required): run by {@code /bin/sh -c} to make the server load the files again,
 * e.g. {@code nginx -s reload} or {@code nginx -p DIR/ -c DIR/nginx.conf -s reload}; exit status 0 means the
 * request was accepted;</li>
 * <li>{@code check.address}: {@code host:port} where a TLS handshake reads what the server serves; default
 * {@code 127.0.0.1:443};</li>
 * <li>{@code check.server.name}: the name sent as SNI in that handshake; default the host of
 * {@code check.address} when it is a name, else none.</li>
 * </ul>
 */
record HttpsOptions(Path certificateFile, Path keyFile, String keyOwner, String reloadCommand,
        ServiceAddress checkAddress, String serverName) {

    static final String CERTIFICATE_FILE = "certificate.file"; //$NON-NLS-1$
    static final String KEY_FILE = "key.file"; //$NON-NLS-1$
    static final String KEY_OWNER = "key.owner"; //$NON-NLS-1$
    static final String RELOAD_COMMAND = "reload.command"; //$NON-NLS-1$
    static final String CHECK_ADDRESS = "check.address"; //$NON-NLS-1$
    static final String CHECK_SERVER_NAME = "check.server.name"; //$NON-NLS-1$
    static final String DEFAULT_CHECK_ADDRESS = "127.0.0.1:443"; //$NON-NLS-1$

    static List<TargetSetting> settings() {
        return List.of(TargetSetting.required(CERTIFICATE_FILE, Messages.Https_certificateFile),
                TargetSetting.required(KEY_FILE, Messages.Https_keyFile),
                TargetSetting.optional(KEY_OWNER, Messages.Https_keyOwner, null),
                TargetSetting.required(RELOAD_COMMAND, Messages.Https_reloadCommand),
                TargetSetting.optional(CHECK_ADDRESS, Messages.Https_checkAddress, DEFAULT_CHECK_ADDRESS),
                TargetSetting.optional(CHECK_SERVER_NAME, Messages.Https_checkServerName, null),
                keyTypeSetting(), namesSetting());
    }

    /** The names {@link HostCertificates#renew} asks for instead of the host identity's, a setting of every built-in target. */
    static TargetSetting namesSetting() {
        return TargetSetting.optional(HostCertificates.NAMES_SETTING, Messages.Setting_names, null);
    }

    /** The key type of {@link HostCertificates#renew}, a setting of every built-in target. */
    static TargetSetting keyTypeSetting() {
        return TargetSetting.optional(HostCertificates.KEY_TYPE_SETTING, Messages.Setting_keyType,
                KeyType.DEFAULT.displayName());
    }

    /** Only what the handshake needs, so {@code current} works before the files are configured. */
    static ServiceAddress checkAddress(TargetSettings settings) throws HostCertificateException {
        return ServiceAddress.parse(settings.value(CHECK_ADDRESS, DEFAULT_CHECK_ADDRESS), CHECK_ADDRESS, settings);
    }

    static String serverName(TargetSettings settings, ServiceAddress address) {
        return settings.value(CHECK_SERVER_NAME).orElse(address.hostIsName() ? address.host() : null);
    }

    static HttpsOptions parse(TargetSettings settings) throws HostCertificateException {
        String name = Messages.Https_name;
        Path certificate = SettingValues.absolutePath(settings, CERTIFICATE_FILE,
                SettingValues.required(settings, CERTIFICATE_FILE, name));
        Path key = SettingValues.absolutePath(settings, KEY_FILE, SettingValues.required(settings, KEY_FILE, name));
        String reload = SettingValues.required(settings, RELOAD_COMMAND, name);
        ServiceAddress address = checkAddress(settings);
        return new HttpsOptions(certificate, key, settings.value(KEY_OWNER).orElse(null), reload, address,
                serverName(settings, address));
    }
}
