package org.certbench.truststore;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Progress and cancellation of one {@link TrustStore#reload(ReloadMonitor)}, free of Eclipse types: a workbench Job
 * maps it to its progress monitor, the shell passes {@link #NONE}.
 *
 * @since 1.3
 */
@ConsumerType
public interface ReloadMonitor {

    /** A monitor that reports nothing and never cancels. */
    ReloadMonitor NONE = new ReloadMonitor() {
    };

    /**
     * Says what is being done now, in words ("Reading the CA certificates in /home/…/truststore").
     *
     * @param text a short sentence for a progress line or a log; never null
     */
    default void subTask(String text) {
    }

    /**
     * {@return whether the caller wants the reload to stop}; asked before the directory is read, before each file
     * is read (from several threads at once: a big store stops at once) and again before what was read replaces
     * the store's list, never after (the list is then replaced whole and the listeners told)
     */
    default boolean isCanceled() {
        return false;
    }
}
