package com.example.certbench.template.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import org.certbench.core.AtomicFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.PairFiles;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;

/**
 * A service on this host that reads its certificate, chain and key from one PEM file. Replace {@link #reload}
 * with what tells your service to take the new file (a signal, a command, an API call): CertBench calls it
 * after {@link #install} and, when it fails, puts the previous file back with {@link #restorePrevious}.
 */
@Component(service = ServiceTarget.class)
public final class ExampleTarget implements ServiceTarget {

    static final String ID = "example"; //$NON-NLS-1$
    static final String PEM_FILE = "pem.file"; //$NON-NLS-1$

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return Messages.Target_name;
    }

    @Override
    public List<TargetSetting> settings() {
        return List.of(TargetSetting.required(PEM_FILE, Messages.Target_pemFile));
    }

    /** The chain in the file now; none before the first install. */
    @Override
    public List<Certificate> current(TargetSettings settings) throws HostCertificateException {
        Path file = pemFile(settings);
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            return Certificates.readAll(file);
        } catch (CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.NOT_SERVED, NLS.bind(Messages.Target_unreadable, file,
                    e.getMessage()), e);
        }
    }

    /** Keeps the previous file, then writes certificate, chain and key readable by their owner only. */
    @Override
    public void install(ServerCredentials credentials, TargetSettings settings) throws HostCertificateException {
        Path file = configuredFile(settings);
        byte[] content = (credentials.certificatePem() + credentials.keyPem()).getBytes(StandardCharsets.US_ASCII);
        try {
            UserPrincipal owner = PairFiles.keepPrevious(file);
            AtomicFiles.write(file, content, AtomicFiles.OWNER_ONLY, owner);
        } catch (IOException e) {
            throw new HostCertificateException(Reason.INSTALL_FAILED, NLS.bind(Messages.Target_installFailed, file,
                    e.getMessage()), e);
        }
    }

    /** The example service reads its file on every connection: nothing to tell it. */
    @Override
    public void reload(TargetSettings settings) {
        // a real service is told here to take the new file
    }

    @Override
    public void restorePrevious(TargetSettings settings) throws HostCertificateException {
        Path file = configuredFile(settings);
        try {
            PairFiles.restorePrevious(file);
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RESTORE_FAILED, NLS.bind(Messages.Target_restoreFailed, file,
                    e.getMessage()), e);
        }
    }

    private static Path configuredFile(TargetSettings settings) throws HostCertificateException {
        Path file = pemFile(settings);
        if (file == null) {
            throw new HostCertificateException(Reason.NOT_CONFIGURED, NLS.bind(Messages.Target_notConfigured,
                    PEM_FILE));
        }
        return file;
    }

    private static Path pemFile(TargetSettings settings) {
        String value = settings.value(PEM_FILE, null);
        return value == null || value.isBlank() ? null : Path.of(value);
    }
}
