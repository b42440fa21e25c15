package org.certbench.host.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.PairFiles;
import org.certbench.host.ServerCredentials;
import org.eclipse.osgi.util.NLS;

/**
 * The steps the built-in targets share — a certificate file and a key file replaced or put back, a command run to
 * reload — each failure turned into a {@link HostCertificateException} in the same words for every target.
 */
final class PairFileSteps {

    /** Who is to own the key file; looking it up may fail like any file access. */
    interface KeyOwner {
        UserPrincipal get() throws IOException;
    }

    /** Runs a reload command. */
    interface Reload {
        ProcessRun.Outcome run() throws IOException;
    }

    private PairFileSteps() {
    }

    static void install(ServerCredentials credentials, Path certificateFile, Path keyFile, KeyOwner owner)
            throws HostCertificateException {
        try {
            PairFiles.install(credentials, certificateFile, keyFile, owner.get());
        } catch (IOException e) {
            throw new HostCertificateException(Reason.INSTALL_FAILED, NLS.bind(Messages.Install_failed,
                    new Object[] { certificateFile, keyFile, e.getMessage() }), e);
        }
    }

    static void restorePrevious(Path certificateFile, Path keyFile) throws HostCertificateException {
        try {
            PairFiles.restorePrevious(certificateFile, keyFile);
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RESTORE_FAILED, NLS.bind(Messages.Restore_failed,
                    new Object[] { certificateFile, keyFile, e.getMessage(), PairFiles.PREVIOUS_SUFFIX }), e);
        }
    }

    /** @param shown the command as the messages show it */
    static void reload(String shown, Reload reload) throws HostCertificateException {
        try {
            ProcessRun.Outcome outcome = reload.run();
            if (!outcome.succeeded()) {
                throw new HostCertificateException(Reason.RELOAD_FAILED, NLS.bind(Messages.Reload_exitStatus,
                        new Object[] { shown, outcome.exitStatus(), outcome.output() }));
            }
        } catch (IOException e) {
            throw new HostCertificateException(Reason.RELOAD_FAILED, NLS.bind(Messages.Reload_notRun, shown,
                    e.getMessage()), e);
        }
    }
}
