package org.certbench.host.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.certbench.core.AuditLog;
import org.certbench.core.TextBundle;
import org.certbench.crypto.Certificate;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.ServerCredentials;
import org.certbench.host.ServiceTarget;
import org.certbench.host.TargetSettings;
import org.eclipse.osgi.util.NLS;

/**
 * Install → reload → confirm by handshake that the new certificate is served; on failure put the previous pair
 * back, reload again and say what is served now. A reload's exit status is not trusted on its own: PostgreSQL
 * keeps its old certificate after a bad key, nginx accepts a key of another type and then fails every handshake.
 * <p>
 * A Cancel is honoured up to the reload, the point of no return: before the install nothing changes (and a service
 * that holds the handshake asking what it serves is not waited for); between install and reload the previous files
 * go back and the service, never reloaded, serves what it served. Once the service has reloaded, undoing would be a
 * second reload with its own risks, so the apply is finished and confirmed instead.
 */
final class Applier {

    static final String RESTORE = "host.restore"; //$NON-NLS-1$

    /** Handshakes in a row that must show the expected certificate. */
    static final int CONFIRMATIONS = 3;

    /**
     * How often the monitor is asked while the service is asked what it serves before the install: a monitor has no
     * callback, and a Cancel must not wait for a service that holds the handshake.
     */
    static final long CANCEL_POLL_MILLIS = 50;

    private final Duration confirmTimeout;
    private final Duration pollInterval;

    Applier(Duration confirmTimeout, Duration pollInterval) {
        this.confirmTimeout = confirmTimeout;
        this.pollInterval = pollInterval;
    }

    /** @return the chain served in the confirming handshake */
    List<Certificate> apply(ServiceTarget target, TargetSettings settings, ServerCredentials credentials)
            throws HostCertificateException {
        return apply(target, settings, credentials, null, null, RenewalMonitor.NONE);
    }

    /**
     * As {@link #apply(ServiceTarget, TargetSettings, ServerCredentials)}; the outcome, and a restore after a failure,
     * go to {@code audit} as {@code action} (none when {@code audit} is {@code null}); each step is said to
     * {@code monitor}, which may cancel up to the reload.
     *
     * @throws HostCertificateException {@code CANCELED} when cancelled before the reload (the message says what is
     *                                  served), or {@code RESTORE_FAILED} when the previous files could not be put back
     */
    List<Certificate> apply(ServiceTarget target, TargetSettings settings, ServerCredentials credentials,
            AuditLog audit, String action, RenewalMonitor monitor) throws HostCertificateException {
        String name = target.displayName();
        Served servedBefore = servedUnlessCanceled(target, settings, monitor);
        Certificate before = servedBefore == null || servedBefore.chain().isEmpty() ? null
                : servedBefore.chain().get(0);
        String beforeFingerprint = before == null ? null : before.sha256Fingerprint();
        String after = credentials.certificate().sha256Fingerprint();
        if (servedBefore == null || monitor.isCanceled()) {
            String nothingDone = NLS.bind(Messages.Apply_canceledBeforeWrite, name);
            audited(audit, action, target, beforeFingerprint, null, nothingDone);
            throw new HostCertificateException(Reason.CANCELED, nothingDone);
        }
        monitor.subTask(NLS.bind(Messages.Apply_writing, name));
        try {
            target.install(credentials, settings);
        } catch (HostCertificateException | RuntimeException e) {
            audited(audit, action, target, beforeFingerprint, null, e.getMessage());
            throw e;
        }
        if (monitor.isCanceled()) {
            throw canceledAfterInstall(target, settings, before, audit, action);
        }
        monitor.subTask(NLS.bind(Messages.Apply_reloading, name));
        try {
            target.reload(settings);
        } catch (HostCertificateException reloadFailure) {
            throw afterRestore(target, settings, before, Reason.RELOAD_FAILED,
                    NLS.bind(Messages.Apply_reloadFailed, target.displayName(), reloadFailure.getMessage()),
                    reloadFailure, audit, action);
        }
        monitor.subTask(NLS.bind(Messages.Apply_confirming, name));
        Served served = awaitServed(target, settings, credentials.certificate());
        if (served.matches(credentials.certificate())) {
            audited(audit, action, target, beforeFingerprint, after, null);
            return served.chain();
        }
        throw afterRestore(target, settings, before, Reason.NOT_SERVED, TextBundle.fill(Messages.Apply_notServed,
                new Object[] { target.displayName(), confirmTimeout.toSeconds(), served.describe() }), served.failure(),
                audit, action);
    }

    private static void audited(AuditLog audit, String action, ServiceTarget target, String before, String after,
            String failure) {
        if (audit != null) {
            audit.record(AuditLog.currentUser(), action, target.id(), before, after, failure);
        }
    }

    /** The service never loaded the new files: putting the previous ones back is enough, no reload. */
    private HostCertificateException canceledAfterInstall(ServiceTarget target, TargetSettings settings,
            Certificate before, AuditLog audit, String action) {
        String name = target.displayName();
        String beforeFingerprint = before == null ? null : before.sha256Fingerprint();
        try {
            target.restorePrevious(settings);
        } catch (HostCertificateException restoreFailure) {
            String failed = NLS.bind(Messages.Apply_canceledRestoreFailed, name, restoreFailure.getMessage());
            audited(audit, action, target, beforeFingerprint, null, failed);
            audited(audit, RESTORE, target, null, beforeFingerprint, restoreFailure.getMessage());
            return new HostCertificateException(Reason.RESTORE_FAILED, failed, restoreFailure);
        }
        audited(audit, RESTORE, target, null, beforeFingerprint, null);
        Served now = servedOnce(target, settings);
        String served = before != null && now.matches(before)
                ? NLS.bind(Messages.Apply_stillServed, new Object[] { name, before.summary().commonName(),
                        before.sha256Fingerprint() })
                : NLS.bind(Messages.Apply_nowServes, name, now.describe());
        String canceled = NLS.bind(Messages.Apply_canceledAfterWrite, name, served);
        audited(audit, action, target, beforeFingerprint, null, canceled);
        return new HostCertificateException(Reason.CANCELED, canceled);
    }

    private HostCertificateException afterRestore(ServiceTarget target, TargetSettings settings, Certificate before,
            Reason reason, String whatHappened, Throwable cause, AuditLog audit, String action) {
        String beforeFingerprint = before == null ? null : before.sha256Fingerprint();
        audited(audit, action, target, beforeFingerprint, null, whatHappened);
        try {
            target.restorePrevious(settings);
            audited(audit, RESTORE, target, null, beforeFingerprint, null);
        } catch (HostCertificateException restoreFailure) {
            audited(audit, RESTORE, target, null, beforeFingerprint, restoreFailure.getMessage());
            HostCertificateException failure = new HostCertificateException(Reason.RESTORE_FAILED,
                    whatHappened + " " + restoreFailure.getMessage(), restoreFailure); //$NON-NLS-1$
            if (cause != null) {
                failure.addSuppressed(cause);
            }
            return failure;
        }
        String reloadNote = ""; //$NON-NLS-1$
        try {
            target.reload(settings);
        } catch (HostCertificateException secondReloadFailure) {
            // a broken configuration also fails this reload; the server then still runs with what it had
            reloadNote = NLS.bind(Messages.Apply_restoreReloadFailed, secondReloadFailure.getMessage()) + " "; //$NON-NLS-1$
        }
        Served now = before == null ? servedOnce(target, settings) : awaitServed(target, settings, before);
        String outcome = NLS.bind(Messages.Apply_restored, reloadNote, now.describeAfterRestore(target, before));
        return new HostCertificateException(reason, whatHappened + " " + outcome, cause); //$NON-NLS-1$
    }

    /**
     * Polls until {@code expected} is served in {@link #CONFIRMATIONS} handshakes in a row, or the time is up.
     * One handshake is not enough: during a graceful reload nginx's old workers still accept a few connections
     * with the old certificate after the new workers started.
     */
    private Served awaitServed(ServiceTarget target, TargetSettings settings, Certificate expected) {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        int inARow = 0;
        while (true) {
            Served served = servedOnce(target, settings);
            inARow = served.matches(expected) ? inARow + 1 : 0;
            if (inARow >= CONFIRMATIONS || System.nanoTime() >= deadline) {
                return served;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return served;
            }
        }
    }

    private static Served servedOnce(ServiceTarget target, TargetSettings settings) {
        try {
            return new Served(target.current(settings), null);
        } catch (HostCertificateException e) {
            return new Served(List.of(), e);
        }
    }

    /**
     * What the service serves before anything is written, asked on a thread of its own while the monitor is asked
     * for a Cancel. The question only reads, so a cancelled one is abandoned: its thread is interrupted (which closes
     * the socket a virtual thread waits on) and ends by itself.
     *
     * @return {@code null} when cancelled (or interrupted) before the service answered
     */
    private static Served servedUnlessCanceled(ServiceTarget target, TargetSettings settings, RenewalMonitor monitor) {
        CompletableFuture<Served> answer = new CompletableFuture<>();
        Thread question = Thread.ofVirtual().name("certbench-host-served").start(() -> { //$NON-NLS-1$
            try {
                answer.complete(servedOnce(target, settings));
            } catch (Throwable e) {
                // whatever a plug-in's target throws (even a checked exception it threw sneakily) answers: else the
                // apply would wait for an answer that never comes, for ever where nobody can press Cancel
                answer.completeExceptionally(e);
            }
        });
        while (true) {
            if (monitor.isCanceled()) {
                question.interrupt();
                return null;
            }
            try {
                return answer.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not answered yet: ask the monitor again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                question.interrupt();
                return null;
            } catch (ExecutionException e) {
                // a target's bug, thrown as it would have been on this thread
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (e.getCause() instanceof RuntimeException bug) {
                    throw bug;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** One look at what the service serves: a chain (possibly empty: no TLS) or why no handshake completed. */
    private record Served(List<Certificate> chain, HostCertificateException failure) {

        boolean matches(Certificate expected) {
            return !chain.isEmpty() && chain.get(0).equals(expected);
        }

        String describe() {
            if (failure != null) {
                return NLS.bind(Messages.Apply_servedFailure, failure.getMessage());
            }
            if (chain.isEmpty()) {
                return Messages.Apply_servedNothing;
            }
            return NLS.bind(Messages.Apply_servedOther, chain.get(0).summary().commonName(),
                    chain.get(0).sha256Fingerprint());
        }

        String describeAfterRestore(ServiceTarget target, Certificate before) {
            if (before != null && matches(before)) {
                return NLS.bind(Messages.Apply_previousServed, new Object[] { target.displayName(),
                        before.summary().commonName(), before.sha256Fingerprint() });
            }
            return NLS.bind(Messages.Apply_nowServes, target.displayName(), describe());
        }
    }
}
