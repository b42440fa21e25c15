package org.certbench.host;

import java.util.List;

import org.certbench.crypto.Certificate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service on this host whose TLS certificate CertBench manages. Register an implementation as an OSGi
 * service and it appears in the Host Certificates view and in {@code host:*}; the built-in ones are
 * {@code https} (an nginx-style server) and {@code postgresql}.
 * <p>
 * Every method gets the target's current settings; a target keeps no state between calls, so a changed
 * setting takes effect at the next call. {@link HostCertificates} calls {@link #install}, {@link #reload} and,
 * on failure, {@link #restorePrevious} for one target at a time. Methods block (files, processes, network) and
 * are never called on a UI thread.
 */
@ConsumerType
public interface ServiceTarget {

    /** A short identifier, used by the shell and as the settings file name: lower case, no spaces. */
    String id();

    /** The name shown in the drop-down, e.g. "PostgreSQL". */
    String displayName();

    /** Every setting this target understands. */
    List<TargetSetting> settings();

    /**
     * The chain the service serves now, host certificate first, read by a TLS handshake with the address it is
     * configured to check (not from the files: the files may hold a pair the service did not load).
     * <p>
     * Before a new pair is written, CertBench asks this on a thread of its own while it watches for a Cancel; a
     * cancelled question is abandoned and its thread interrupted. It only reads, must not rely on the caller's
     * thread (thread-locals), and must end by its own timeout even when the interrupt does not reach it.
     *
     * @return the chain; empty when the service answers but offers no TLS
     * @throws HostCertificateException {@link HostCertificateException.Reason#UNREACHABLE} when no handshake
     *                                  completes, {@code NOT_CONFIGURED} / {@code INVALID_SETTING} for settings
     */
    List<Certificate> current(TargetSettings settings) throws HostCertificateException;

    /**
     * Writes the certificate (with its chain) and the key where the service reads them, each file atomically,
     * the key with permissions 0600 and owned by the user the service runs as, after keeping the files it
     * replaces so that {@link #restorePrevious} can put them back. Does not reload. {@link PairFiles#install} does
     * all of this.
     *
     * @throws HostCertificateException {@code INSTALL_FAILED} when a file cannot be written; the files the service
     *                                  reads must then be as they were (restorePrevious is not called)
     */
    void install(ServerCredentials credentials, TargetSettings settings) throws HostCertificateException;

    /**
     * Asks the service to load its certificate files again. Success of the request does not prove the new
     * certificate is served (PostgreSQL keeps the old one when the new key is bad): the caller confirms with
     * {@link #current}.
     *
     * @throws HostCertificateException {@code RELOAD_FAILED} with the service's own words
     */
    void reload(TargetSettings settings) throws HostCertificateException;

    /**
     * Puts back the files the last {@link #install} replaced (or removes what it created where there was
     * nothing). Does not reload.
     *
     * @throws HostCertificateException {@code RESTORE_FAILED} naming the files that need attention
     */
    void restorePrevious(TargetSettings settings) throws HostCertificateException;
}
