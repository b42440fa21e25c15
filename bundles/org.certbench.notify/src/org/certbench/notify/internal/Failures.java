package org.certbench.notify.internal;

import org.certbench.truststore.ServerNotTrustedException;
import org.eclipse.osgi.util.NLS;

/** The words of a failed connection: a refused certificate's own sentence, else the innermost message. */
final class Failures {

    private Failures() {
    }

    /** A reason as a sentence of its own, however its source ended it. */
    static String sentence(String reason) {
        String text = reason == null ? "" : reason.strip(); //$NON-NLS-1$
        return text.isEmpty() || text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + '.'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    static String reason(Throwable failure) {
        return reason(failure, null);
    }

    /**
     * A reason; {@code host} names the host whose name could not be resolved when the failure does not (HttpClient's
     * {@code ConnectException} around an {@code UnresolvedAddressException}, which says nothing).
     */
    static String reason(Throwable failure, String host) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.net.UnknownHostException unknown) {
                return NLS.bind(Messages.Reason_unknownHost, unknown.getMessage());
            }
            if (cause instanceof java.nio.channels.UnresolvedAddressException && host != null) {
                return NLS.bind(Messages.Reason_unknownHost, host);
            }
        }
        String innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServerNotTrustedException refusal) {
                return refusal.getMessage();
            }
            if (cause instanceof java.net.ConnectException) {
                // HttpClient's has no message at all, Angus's only the socket's "Connection refused"
                return Messages.Reason_refused;
            }
            if (cause instanceof java.net.UnknownHostException unknown) {
                return NLS.bind(Messages.Reason_unknownHost, unknown.getMessage());
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
