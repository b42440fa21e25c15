package org.certbench.issuers.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.certbench.core.AuditLog;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateAuthority;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.RevocationList;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The built-in issuer {@code local}: a CertBench CA in {@code <home>/issuers/local/} (see {@link LocalCaStore} for
 * the files and {@link CertificateAuthority} for the profile), made on first use. Signs agent and host certificates
 * for {@link #DEFAULT_LIFETIME} unless the request asks otherwise, revokes, and keeps its CRL signed: on every
 * issue and revocation and once a day, a new one when half of the current one's {@link #CRL_VALIDITY} has passed.
 */
@Component(service = { Issuer.class, LocalIssuer.class })
public final class LocalIssuer implements Issuer, RevocationRecords {

    /** The issuer's name. */
    public static final String NAME = "local"; //$NON-NLS-1$
    /**
     * 90 days: renewal runs without a person, so a short life costs nothing and bounds how long a lost key or a
     * certificate whose revocation a client never checks is of use (the lifetime of ACME CAs' certificates).
     */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    /** A CRL is valid for a week and re-signed after half of it: a day's outage never leaves clients without one. */
    static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** X.509's bound of a common name (ub-common-name); the first name within it is the certificate's. */
    static final int MAX_COMMON_NAME = 64;
    private static final Duration CRL_CHECK_PERIOD = Duration.ofDays(1);
    private static final String ISSUE_ACTION = "issuer.issue"; //$NON-NLS-1$
    private static final String REVOKE_ACTION = "issuer.revoke"; //$NON-NLS-1$

    private final LocalCaStore store;
    private final Clock clock;
    private final AuditLog audit;
    private ScheduledExecutorService daily;

    /** The issuer of the home in use, its CRL looked after daily. */
    @Activate
    public LocalIssuer() {
        this(StateDirectory.area("issuers"), Clock.systemUTC()); //$NON-NLS-1$
        daily = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "CertBench local CA: CRL"); //$NON-NLS-1$
            thread.setDaemon(true);
            return thread;
        });
        daily.scheduleWithFixedDelay(this::refreshCrlLogged, CRL_CHECK_PERIOD.toMinutes(), CRL_CHECK_PERIOD.toMinutes(),
                TimeUnit.MINUTES);
    }

    LocalIssuer(Path issuersDirectory, Clock clock) {
        this.store = new LocalCaStore(issuersDirectory);
        this.clock = clock;
        this.audit = new AuditLog(issuersDirectory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null,
                clock);
    }

    @Deactivate
    void stop() {
        if (daily != null) {
            daily.shutdownNow();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String type() {
        return "local"; //$NON-NLS-1$
    }

    @Override
    public String description() {
        return NLS.bind(Messages.Local_description, store.directory());
    }

    /** {@return the CA certificate, or none before the CA is first used} */
    @Override
    public List<Certificate> caCertificates() {
        try {
            return store.existing().map(ca -> List.of(ca.certificate())).orElse(List.of());
        } catch (IOException | CertBenchCryptoException e) {
            return List.of();
        }
    }

    /** {@return the CA certificate, the CA made now if it is the first use} */
    Certificate caCertificate() throws IssuerException {
        return authority().certificate();
    }

    @Override
    public Set<IssueKind> kinds() {
        return EnumSet.allOf(IssueKind.class);
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    @Override
    public IssuedChain issue(CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
            throws IssuerException {
        if (!kinds().contains(request.kind())) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Issuer_wrongKind, NAME, request.kind().label()));
        }
        if (monitor.isCanceled()) {
            throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled);
        }
        if (request.names().stream().noneMatch(name -> name.length() <= MAX_COMMON_NAME)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Local_noCommonName,
                    String.join(", ", request.names()), MAX_COMMON_NAME)); //$NON-NLS-1$
        }
        CertificateAuthority authority = authority();
        Instant now = clock.instant();
        Certificate issued;
        try {
            issued = authority.issue(csr, request.names().get(0), request.names(), now,
                    request.lifetime().orElse(DEFAULT_LIFETIME));
        } catch (CertBenchCryptoException e) {
            audit.failed(ISSUE_ACTION, request.names().get(0), null, e.getMessage());
            throw new IssuerException(Reason.REFUSED, e.getMessage(), e);
        }
        audit.succeeded(ISSUE_ACTION, issued.subject(), null, issued.sha256Fingerprint());
        try {
            store.recordIssued(issued);
            store.refreshCrl(authority, now, CRL_VALIDITY);
        } catch (IOException | CertBenchCryptoException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Local_notRecorded, store.directory(),
                    e.getMessage()), e);
        }
        return new IssuedChain(issued, List.of(authority.certificate()));
    }

    @Override
    public Instant revoke(Certificate certificate) throws IssuerException {
        CertificateAuthority authority = authority();
        if (!isIssuedBy(certificate, authority.certificate())) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Local_notOurs, certificate.subject(),
                    certificate.issuer()));
        }
        try {
            Instant revoked = store.revoke(authority, certificate.serialNumber(), clock.instant());
            audit.succeeded(REVOKE_ACTION, certificate.subject(), certificate.sha256Fingerprint(), null);
            return revoked;
        } catch (IOException | CertBenchCryptoException e) {
            audit.failed(REVOKE_ACTION, certificate.subject(), certificate.sha256Fingerprint(), e.getMessage());
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Local_notRevoked, store.directory(),
                    e.getMessage()), e);
        }
    }

    @Override
    public Optional<Instant> revokedAt(Certificate certificate) {
        try {
            Optional<CertificateAuthority> authority = store.existing();
            // the cheap comparisons first: this is asked on every agent handshake
            if (authority.isEmpty() || !certificate.issuer().equals(authority.get().certificate().subject())) {
                return Optional.empty();
            }
            Instant revoked = store.revoked().get(certificate.serialNumber());
            if (revoked == null || !certificate.isSignedBy(authority.get().certificate())) {
                return Optional.empty();
            }
            return Optional.of(revoked);
        } catch (IOException | CertBenchCryptoException e) {
            // revocation records that cannot be read revoke nothing; issuing and revoking say why
            return Optional.empty();
        }
    }

    /** Re-signs the CRL when it is due (the daily run, and {@code renewal:run}); makes no CA. */
    public Optional<RevocationList> refreshCrl() throws IssuerException {
        try {
            Optional<CertificateAuthority> authority = store.existing();
            if (authority.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(store.refreshCrl(authority.get(), clock.instant(), CRL_VALIDITY));
        } catch (IOException | CertBenchCryptoException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Local_crlNotWritten, store.directory(),
                    e.getMessage()), e);
        }
    }

    /** {@return the CRL file} */
    Path crlFile() {
        return store.directory().resolve(LocalCaStore.CRL);
    }

    private void refreshCrlLogged() {
        try {
            refreshCrl();
        } catch (IssuerException | RuntimeException e) {
            System.getLogger(LocalIssuer.class.getName()).log(System.Logger.Level.WARNING, e.getMessage(), e);
        }
    }

    private CertificateAuthority authority() throws IssuerException {
        try {
            Instant now = clock.instant();
            // the host's name is looked up only to name a new CA, not on every issue
            return store.getOrCreate(() -> NLS.bind(Messages.Local_caName, HostIdentity.detect().fqdn(),
                    java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)), now);
        } catch (IOException | CertBenchCryptoException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Local_caUnavailable, store.directory(),
                    e.getMessage()), e);
        }
    }

    static boolean isIssuedBy(Certificate certificate, Certificate ca) {
        return certificate.issuer().equals(ca.subject()) && certificate.isSignedBy(ca);
    }
}
