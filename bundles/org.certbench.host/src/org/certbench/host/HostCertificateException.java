package org.certbench.host;

/**
 * A host certificate operation that could not be done. The message is written for an administrator and says
 * what happened, including whether the previous certificate was restored; {@link #reason()} is for programs.
 */
public class HostCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, independent of the wording. */
    public enum Reason {
        /** No target has the given id. */
        UNKNOWN_TARGET,
        /** {@code configure} was given a key the target does not understand. */
        UNKNOWN_SETTING,
        /** A setting the operation needs is not set. */
        NOT_CONFIGURED,
        /** A setting has a value of the wrong form. */
        INVALID_SETTING,
        /** The settings file cannot be read or written. */
        SETTINGS_UNAVAILABLE,
        /** The uploaded certificate or key is refused (passphrase, mismatch, swapped, not a certificate, …). */
        REFUSED,
        /** The self-signed certificate could not be made. */
        GENERATION_FAILED,
        /** The certificate the service serves could not be read by a handshake. */
        UNREACHABLE,
        /** The new files could not be written; the previous ones are in place. */
        INSTALL_FAILED,
        /** The service's reload failed; the previous pair was put back. */
        RELOAD_FAILED,
        /** The service reloaded but did not serve the new certificate in time; the previous pair was put back. */
        NOT_SERVED,
        /** Putting the previous pair back failed too: the message says which files need attention. */
        RESTORE_FAILED,
        /**
         * The home, {@code host/} or the target's settings file can be changed by another user than the one running
         * CertBench (or root): nothing was installed or run.
         */
        UNSAFE_CONFIGURATION,
        /**
         * The CA did not sign a renewal's request (refused, failed, timed out): nothing was installed.
         *
         * @since 1.1
         */
        SIGNING_FAILED,
        /**
         * The renewal (since 1.2 also a generate or upload) was cancelled before the service was reloaded: the
         * message says what it serves now.
         *
         * @since 1.1
         */
        CANCELED
    }

    /** Why the operation was refused, for programs; the message says it in words. */
    private final Reason reason;

    /** A refusal; {@code message} is shown to the administrator as it is. */
    public HostCertificateException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A refusal caused by a lower-level failure (I/O, TLS, crypto), kept as the cause. */
    public HostCertificateException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** {@return why the operation was refused} */
    public Reason reason() {
        return reason;
    }
}
