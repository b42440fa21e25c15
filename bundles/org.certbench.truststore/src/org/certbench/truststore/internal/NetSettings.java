package org.certbench.truststore.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.PropertiesFiles;
import org.certbench.truststore.ProxySettings;

/** The proxy of outbound connections in {@code <home>/net.properties}: {@code proxy.host}, {@code proxy.port}. */
final class NetSettings {

    private final Path file;

    private static final String AUDIT_ACTION = "settings.proxy"; //$NON-NLS-1$

    NetSettings(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    ProxySettings load() throws IOException {
        Properties properties;
        try {
            properties = PropertiesFiles.load(file, PropertiesFiles.SETTINGS_LIMIT);
        } catch (NoSuchFileException e) {
            return ProxySettings.NONE;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e); //$NON-NLS-1$
        }
        String host = properties.getProperty("proxy.host", "").strip(); //$NON-NLS-1$ //$NON-NLS-2$
        if (host.isEmpty()) {
            return ProxySettings.NONE;
        }
        try {
            return new ProxySettings(host, Integer.parseInt(properties.getProperty("proxy.port", "").strip())); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": proxy.port must be a port number between 1 and 65535", e); //$NON-NLS-1$
        }
    }

    void save(ProxySettings proxy) throws IOException {
        Properties properties = new Properties();
        if (!proxy.isDirect()) {
            properties.setProperty("proxy.host", proxy.host()); //$NON-NLS-1$
            properties.setProperty("proxy.port", Integer.toString(proxy.port())); //$NON-NLS-1$
        }
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench outbound connections"); //$NON-NLS-1$
        String before;
        try {
            before = load().toString();
        } catch (IOException e) {
            before = null; // a broken file is replaced all the same
        }
        AuditLog audit = new AuditLog(file.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null,
                Clock.systemUTC());
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            audit.failed(AUDIT_ACTION, file.toString(), before, e.getMessage());
            throw e;
        }
        audit.succeeded(AUDIT_ACTION, file.toString(), before, proxy.toString());
    }
}
