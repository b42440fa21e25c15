package org.certbench.notify.internal;

import org.certbench.truststore.ServerNotTrustedException;

/** The words of a failed connection: a refused certificate's own sentence, else the innermost message. */
final class Failures {

    private Failures() {
    }

    static String reason(Throwable failure) {
        String innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerNotTrustedException refusal) {
                return refusal.getMessage();
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                innermost = cause.getMessage();
            } else if (innermost == null) {
                innermost = cause.getClass().getSimpleName();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return innermost;
    }
}
