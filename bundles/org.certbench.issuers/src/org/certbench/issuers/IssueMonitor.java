package org.certbench.issuers;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress and cancellation of one {@link Issuer#issue} call, free of OSGi and Eclipse types: a UI maps
 * {@link #subTask} to its progress monitor's and {@link #isCanceled()} to the monitor's.
 * <p>
 * Called from the thread that runs {@link Issuer#issue}; an issuer asks {@link #isCanceled()} between its steps
 * (before each network call or program run) and then fails with {@link IssuerException.Reason#CANCELED}.
 */
@ConsumerType
public interface IssueMonitor {

    /** A monitor that reports nothing and never cancels. */
    IssueMonitor NONE = new IssueMonitor() {
    };

    /**
     * Says what the issuer is doing now, in words ("Waiting for the CA to validate www.example.org").
     *
     * @param text a short sentence for a progress dialog or a log; never null
     */
    default void subTask(String text) {
    }

    /** {@return whether the caller wants the issuer to stop as soon as it can} */
    default boolean isCanceled() {
        return false;
    }
}
