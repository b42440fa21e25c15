package org.certbench.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress and cancellation of one {@link HostCertificates#renew} (and, since 1.2, of one
 * {@link HostCertificates#generate(String, RenewalMonitor) generate} or
 * {@link HostCertificates#upload(String, java.nio.file.Path, java.nio.file.Path, RenewalMonitor) upload}), free of
 * Eclipse types: a workbench Job maps it to its progress monitor, the shell passes {@link #NONE}.
 */
@ConsumerType
public interface RenewalMonitor {

    /** A monitor that reports nothing and never cancels. */
    RenewalMonitor NONE = new RenewalMonitor() {
    };

    /**
     * Says what is being done now, in words ("Asking issuer 'local' to sign").
     *
     * @param text a short sentence for a progress dialog or a log; never null
     */
    default void subTask(String text) {
    }

    /**
     * {@return whether the caller wants the work to stop}; it is asked before each step up to the reload of the
     * service (since 1.2 also between writing the files and the reload, which then puts the previous files back, and
     * every few tens of milliseconds while the service is asked what it serves before anything is written, so that a
     * service holding that handshake does not hold the Cancel); once the service has reloaded, the apply is finished
     * and confirmed, never left half done
     */
    default boolean isCanceled() {
        return false;
    }
}
