package org.certbench.host;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress and cancellation of one {@link HostCertificates#renew}, free of Eclipse types: a workbench Job maps it
 * to its progress monitor, the shell passes {@link #NONE}.
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
     * {@return whether the caller wants the renewal to stop}; it is asked before each step up to the install,
     * never during the apply (which is never left half done)
     */
    default boolean isCanceled() {
        return false;
    }
}
