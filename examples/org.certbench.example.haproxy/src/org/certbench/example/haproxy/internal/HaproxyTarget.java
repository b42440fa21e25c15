package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.certbench.core.AtomicFiles;
import org.certbench.core.LinkSafeDirectory;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.KeyMismatchException;
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
 * HAProxy: one PEM file with certificate, chain and key, replaced in the running process through the runtime API
 * ({@code set ssl cert FILE <<} … {@code commit ssl cert FILE}), so no connection is dropped. Without an admin
 * socket, or when it does not answer, the master reloads ({@code reload} on the master CLI, else {@code SIGUSR2}).
 * See {@link HaproxyOptions} for the settings.
 */
@Component(service = ServiceTarget.class)
public final class HaproxyTarget implements ServiceTarget {

    static final String ID = "haproxy"; //$NON-NLS-1$
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    /** A certificate chain and its key: a few KiB; a file far larger is none. */
    private static final int MAX_PEM_SIZE = 1 << 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return Messages.Haproxy_name;
    }

    @Override
    public List<TargetSetting> settings() {
        return HaproxyOptions.settings();
    }

    @Override
    public List<Certificate> current(TargetSettings settings) throws HostCertificateException {
        HaproxyOptions.Address address = HaproxyOptions.checkAddress(settings);
        return new TlsHandshake(HANDSHAKE_TIMEOUT).chain(address, HaproxyOptions.serverName(settings, address));
    }

    /** Refuses a key that is not the certificate's before touching the file: HAProxy would only refuse at commit. */
    @Override
    public void install(ServerCredentials credentials, TargetSettings settings) throws HostCertificateException {
        HaproxyOptions options = HaproxyOptions.parse(settings);
        Path file = options.pemFile();
        try {
            CertificateKeyPair.requireMatch(credentials.certificate(), credentials.keyPair(), file.toString(),
                    file.toString());
        } catch (KeyMismatchException e) {
            throw new HostCertificateException(Reason.REFUSED, NLS.bind(Messages.Install_mismatch, file,
                    e.getMessage()), e);
        }
        byte[] content = (credentials.certificatePem() + credentials.keyPem()).getBytes(StandardCharsets.US_ASCII);
        try {
            // root writes into HAProxy's directory: PairFiles and AtomicFiles follow no link planted there
            UserPrincipal owner = PairFiles.keepPrevious(file);
            try {
                AtomicFiles.write(file, content, AtomicFiles.OWNER_ONLY, owner);
            } catch (IOException | RuntimeException e) {
                try {
                    PairFiles.restorePrevious(file);
                } catch (IOException restoreFailure) {
                    e.addSuppressed(restoreFailure);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new HostCertificateException(Reason.INSTALL_FAILED,
                    NLS.bind(Messages.Install_failed, file, e.getMessage()), e);
        }
    }

    @Override
    public void reload(TargetSettings settings) throws HostCertificateException {
        HaproxyOptions options = HaproxyOptions.parse(settings);
        StringBuilder unreachable = new StringBuilder();
        if (options.adminSocket() != null) {
            String payload = payload(options.pemFile());
            try {
                replaceInMemory(new RuntimeSocket(options.adminSocket(), SOCKET_TIMEOUT), options.pemFile(), payload);
                return;
            } catch (IOException e) {
                unreachable.append(NLS.bind(Messages.Reload_socketFailed, options.adminSocket(), describe(e)));
            }
        }
        if (options.masterSocket() != null) {
            try {
                new RuntimeSocket(options.masterSocket(), SOCKET_TIMEOUT).send("reload"); //$NON-NLS-1$
                return;
            } catch (IOException e) {
                unreachable.append(unreachable.isEmpty() ? "" : " ") //$NON-NLS-1$ //$NON-NLS-2$
                        .append(NLS.bind(Messages.Reload_socketFailed, options.masterSocket(), describe(e)));
            }
        }
        if (options.masterPid() != null) {
            signalMaster(options.masterPid(), unreachable.toString());
            return;
        }
        throw new HostCertificateException(Reason.RELOAD_FAILED, unreachable.toString());
    }

    @Override
    public void restorePrevious(TargetSettings settings) throws HostCertificateException {
        Path file = HaproxyOptions.parse(settings).pemFile();
        try {
            PairFiles.restorePrevious(file);
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RESTORE_FAILED, NLS.bind(Messages.Restore_failed,
                    new Object[] { file, e.getMessage(), PairFiles.previous(file) }), e);
        }
    }

    /**
     * {@code set ssl cert FILE <<} with the file's content as payload (ended by an empty line), then
     * {@code commit ssl cert FILE}; a transaction HAProxy refuses is aborted, so the certificate in memory stays.
     *
     * @throws IOException              when the socket does not answer (the caller falls back to the master)
     * @throws HostCertificateException {@code RELOAD_FAILED} with HAProxy's words when it refuses
     */
    static void replaceInMemory(RuntimeSocket socket, Path file, String payload)
            throws IOException, HostCertificateException {
        String name = file.toString();
        String answer = socket.send("set ssl cert " + name + " <<\n" + payload + "\n"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        if (!answer.contains("Transaction created") && !answer.contains("Transaction updated")) { //$NON-NLS-1$ //$NON-NLS-2$
            abort(socket, name);
            throw new HostCertificateException(Reason.RELOAD_FAILED,
                    NLS.bind(Messages.Reload_setRefused, name, words(answer)));
        }
        answer = socket.send("commit ssl cert " + name); //$NON-NLS-1$
        if (!answer.contains("Success!")) { //$NON-NLS-1$
            abort(socket, name);
            throw new HostCertificateException(Reason.RELOAD_FAILED,
                    NLS.bind(Messages.Reload_commitRefused, name, words(answer)));
        }
    }

    private static void abort(RuntimeSocket socket, String name) {
        try {
            socket.send("abort ssl cert " + name); //$NON-NLS-1$
        } catch (IOException e) {
            // HAProxy keeps serving what it had; an open transaction only blocks the next one until it is set again
        }
    }

    /**
     * The file as a runtime API payload: no empty line, since one ends the payload. Read as root in HAProxy's
     * directory, so through a {@link LinkSafeDirectory}: a link put in its place is refused, not followed.
     */
    private static String payload(Path file) throws HostCertificateException {
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.toAbsolutePath().getParent())) {
            byte[] content = directory.read(file.getFileName().toString(), MAX_PEM_SIZE);
            return new String(content, StandardCharsets.US_ASCII).lines().filter(line -> !line.isBlank())
                    .collect(Collectors.joining("\n", "", "\n")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RELOAD_FAILED,
                    NLS.bind(Messages.Reload_unreadable, file, describe(e)), e);
        }
    }

    /** {@code kill -USR2}: the master re-reads its configuration and the PEM file and starts new workers. */
    private static void signalMaster(String pidSetting, String socketNote) throws HostCertificateException {
        String pid = pidSetting;
        try {
            if (!pidSetting.matches("[1-9][0-9]*")) { //$NON-NLS-1$
                pid = Files.readString(Path.of(pidSetting)).lines().findFirst().orElse("").strip(); //$NON-NLS-1$
            }
            if (!pid.matches("[1-9][0-9]*")) { //$NON-NLS-1$
                throw new HostCertificateException(Reason.RELOAD_FAILED,
                        join(socketNote, NLS.bind(Messages.Reload_noPid, pidSetting)));
            }
            Process kill = new ProcessBuilder("kill", "-USR2", pid).redirectErrorStream(true).start(); //$NON-NLS-1$ //$NON-NLS-2$
            kill.getOutputStream().close();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!kill.waitFor(SIGNAL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
            if (kill.isAlive() || kill.exitValue() != 0) {
                throw new HostCertificateException(Reason.RELOAD_FAILED,
                        join(socketNote, NLS.bind(Messages.Reload_signalFailed, pid, output)));
            }
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RELOAD_FAILED,
                    join(socketNote, NLS.bind(Messages.Reload_signalFailed, pid, describe(e))), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCertificateException(Reason.RELOAD_FAILED,
                    join(socketNote, NLS.bind(Messages.Reload_signalFailed, pid, Messages.Reload_interrupted)), e);
        }
    }


    /** HAProxy's answer on one line. */
    static String words(String answer) {
        String line = answer.strip().replaceAll("\\s*\n\\s*", " "); //$NON-NLS-1$ //$NON-NLS-2$
        return line.isEmpty() ? Messages.Reload_noAnswer : line;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + " " + second; //$NON-NLS-1$
    }
}
