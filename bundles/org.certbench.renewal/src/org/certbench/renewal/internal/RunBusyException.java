package org.certbench.renewal.internal;

import org.certbench.renewal.RenewalException;

/** Another run holds the run lock; callers that run on a timer skip rather than report it. */
public final class RunBusyException extends RenewalException {

    private static final long serialVersionUID = 1L;

    RunBusyException() {
        super(Messages.Run_busy);
    }
}
