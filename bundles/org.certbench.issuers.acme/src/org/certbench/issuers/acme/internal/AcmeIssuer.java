package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.certbench.core.ConfigurationOwners;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.issuers.Challenge;
import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.truststore.OutboundTls;
import org.eclipse.osgi.util.NLS;
import org.shredzone.acme4j.AcmeJsonResource;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;

/**
 * An ACME issuer (RFC 8555): order → authorisations → {@code http-01} → finalise with the caller's CSR → the chain.
 * <p>
 * The challenges are answered by the request's {@link IssueRequest#challenges() responder}; when that is
 * {@link ChallengeResponder#NONE} — as in a renewal, which knows no ACME — by the one stored with the issuer
 * ({@code --webroot} or {@code --standalone}). Names that are IP addresses are left out of the order (ACME's
 * {@code http-01} proves DNS names); the CSR must then not ask for them either, or the CA refuses it.
 * Every step asks the monitor for Cancel; polling honours the CA's {@code Retry-After} within a bounded time.
 */
final class AcmeIssuer implements Issuer {

    /** How long validation and finalisation may take altogether unless {@value #TIMEOUT_PROPERTY} (seconds) says. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    static final String TIMEOUT_PROPERTY = "certbench.issuers.acme.timeout"; //$NON-NLS-1$
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(10);
    private static final long SLICE_MILLIS = 100;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}"); //$NON-NLS-1$

    private final AcmeIssuerConfig config;
    private final AcmeIssuerFiles files;
    private final OutboundTls outbound;
    private final Removal removal;

    /** How the issuer goes: its files deleted and its service unregistered, by the service that registered it. */
    @FunctionalInterface
    interface Removal {
        void remove(String name) throws IssuerException;
    }

    AcmeIssuer(AcmeIssuerConfig config, AcmeIssuerFiles files, OutboundTls outbound, Removal removal) {
        this.config = config;
        this.files = files;
        this.outbound = outbound;
        this.removal = removal;
    }

    @Override
    public boolean removable() {
        return true;
    }

    /**
     * Deletes the configuration and the account key; the account stays at the CA, not deactivated (RFC 8555
     * §7.3.6): an administrator may still want it, and the key to deactivate it is what goes.
     */
    @Override
    public void removeConfiguration() throws IssuerException {
        removal.remove(name());
    }

    AcmeIssuerConfig config() {
        return config;
    }

    @Override
    public String type() {
        return "acme"; //$NON-NLS-1$
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String description() {
        return NLS.bind(Messages.Acme_description, new Object[] { config.directory(), config.account(),
                config.challengeDescription() });
    }

    @Override
    public List<Certificate> caCertificates() {
        return List.of();
    }

    @Override
    public Set<IssueKind> kinds() {
        return Set.of(IssueKind.HOST);
    }

    /** The orders ask for DNS identifiers only: RFC 8738's IP identifiers are not offered by most ACME CAs. */
    @Override
    public boolean certifiesIpAddresses() {
        return false;
    }

    @Override
    public boolean canRevoke() {
        return false;
    }

    @Override
    public IssuedChain issue(CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
            throws IssuerException {
        canceledCheck(monitor);
        if (request.kind() != IssueKind.HOST) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_wrongKind, name(),
                    request.kind().label()));
        }
        try {
            ConfigurationOwners.requireSafe(files.configuration(name()));
        } catch (IOException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_unsafe, name(), e.getMessage()), e);
        }
        List<String> names = request.names().stream().filter(name -> !isIpAddress(name)).toList();
        if (names.isEmpty()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_onlyAddresses, name(),
                    String.join(", ", request.names()))); //$NON-NLS-1$
        }
        requireCsrFor(csr, names);
        ChallengeResponder responder = request.challenges() == ChallengeResponder.NONE ? config.responder()
                : request.challenges();
        KeyPair accountKey = files.registeredAccountKey(config);
        Session session = AcmeSessions.open(config.directory(), outbound, NETWORK_TIMEOUT);
        Instant deadline = Instant.now().plus(timeout());
        List<Challenge> deployed = new ArrayList<>();
        try {
            Login login = session.login(config.account(), accountKey);
            monitor.subTask(NLS.bind(Messages.Acme_ordering, String.join(", ", names))); //$NON-NLS-1$
            Order order = login.newOrder().domains(names).create();
            List<Http01Challenge> triggered = new ArrayList<>();
            List<Challenge> triggeredAnswers = new ArrayList<>();
            for (Authorization authorization : order.getAuthorizations()) {
                canceledCheck(monitor);
                if (authorization.getStatus() == Status.VALID) {
                    continue;
                }
                String domain = authorization.getIdentifier().getValue();
                Http01Challenge http = authorization.findChallenge(Http01Challenge.class)
                        .orElseThrow(() -> new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_noHttp01,
                                name(), domain)));
                if (!responder.supports(WebrootResponder.HTTP_01)) {
                    throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_noResponder, name(), domain));
                }
                Challenge answer = new Challenge(WebrootResponder.HTTP_01, domain, http.getToken(),
                        http.getAuthorization());
                deployed.add(answer);
                responder.deploy(answer);
                triggered.add(http);
                triggeredAnswers.add(answer);
            }
            for (int i = 0; i < triggered.size(); i++) {
                canceledCheck(monitor);
                Http01Challenge http = triggered.get(i);
                Challenge answer = triggeredAnswers.get(i);
                monitor.subTask(NLS.bind(Messages.Acme_validating, answer.name()));
                http.trigger();
                Status status = poll(http, http::getStatus, deadline, monitor, answer.name());
                if (status != Status.VALID) {
                    throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_challengeFailed, new Object[] {
                            name(), answer.name(), challengeUrl(answer),
                            AcmeFailures.problem(http.getError().orElse(null)) }));
                }
            }
            // proven: the answers go now, not after finalising and downloading — a listener open longer than
            // validation needs is only something for others to knock at
            cleanUp(responder, deployed);
            canceledCheck(monitor);
            Status ready = poll(order, order::getStatus, deadline, monitor, name());
            if (ready != Status.READY && ready != Status.VALID) {
                throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_orderFailed, new Object[] { name(),
                        ready, AcmeFailures.problem(order.getError().orElse(null)) }));
            }
            monitor.subTask(NLS.bind(Messages.Acme_finalising, name()));
            if (ready == Status.READY) {
                order.execute(csr.der());
            }
            Status valid = poll(order, order::getStatus, deadline, monitor, name());
            if (valid != Status.VALID) {
                throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_orderFailed, new Object[] { name(),
                        valid, AcmeFailures.problem(order.getError().orElse(null)) }));
            }
            canceledCheck(monitor);
            org.shredzone.acme4j.Certificate downloaded = order.getCertificate();
            downloaded.download();
            return chain(downloaded.getCertificateChain(), csr);
        } catch (AcmeException | AcmeLazyLoadingException | AcmeProtocolException | UncheckedIOException e) {
            // UncheckedIOException: acme4j's JSON parser lets a body's failed reading (cut off at the bound) escape so
            throw AcmeFailures.of(name(), config.directory(), outbound.proxy(), e);
        } finally {
            cleanUp(responder, deployed);
        }
    }

    private static void cleanUp(ChallengeResponder responder, List<Challenge> deployed) {
        for (Challenge answer : deployed) {
            responder.cleanUp(answer);
        }
        deployed.clear();
    }

    /**
     * The CA signs what the CSR asks for only if it is exactly the order's names: said here in words rather than as
     * the CA's badCSR after the challenges.
     */
    private void requireCsrFor(CertificationRequest csr, List<String> names) throws IssuerException {
        if (!csr.isSignatureValid()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_csrSignature, name()));
        }
        List<String> addresses = csr.subjectAlternativeNames().stream().filter(san -> san.startsWith("IP:")) //$NON-NLS-1$
                .map(san -> san.substring(3)).toList();
        if (!addresses.isEmpty()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_csrAddresses, name(),
                    String.join(", ", addresses))); //$NON-NLS-1$
        }
        Set<String> asked = csr.subjectAlternativeNames().stream().filter(san -> san.startsWith("DNS:")) //$NON-NLS-1$
                .map(san -> san.substring(4).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> ordered = names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (!asked.equals(ordered)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Acme_csrNames, new Object[] { name(),
                    String.join(", ", asked.stream().sorted().toList()), //$NON-NLS-1$
                    String.join(", ", ordered.stream().sorted().toList()) })); //$NON-NLS-1$
        }
    }

    /** The chain as the crypto core reads it (the only place that parses), checked against the request. */
    private IssuedChain chain(List<X509Certificate> downloaded, CertificationRequest csr) throws IssuerException {
        List<Certificate> certificates = new ArrayList<>();
        try {
            for (X509Certificate certificate : downloaded) {
                certificates.add(Certificate.fromDer(certificate.getEncoded(), name()));
            }
            if (certificates.isEmpty()) {
                throw new CertificateEncodingException(Messages.Acme_emptyChain);
            }
        } catch (CertBenchCryptoException | CertificateEncodingException e) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Acme_notACertificate, name(),
                    e.getMessage()), e);
        }
        Certificate issued = certificates.get(0);
        boolean sameKey;
        try {
            sameKey = csr.hasPublicKey(issued.publicKey());
        } catch (CertBenchCryptoException e) {
            sameKey = false;
        }
        if (!sameKey) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Acme_wrongKey, name(),
                    issued.subject()));
        }
        List<String> missing = csr.subjectAlternativeNames().stream().filter(san -> san.startsWith("DNS:")) //$NON-NLS-1$
                .map(san -> san.substring(4)).filter(host -> !issued.namesHost(host)).toList();
        if (!missing.isEmpty()) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Acme_wrongNames, new Object[] {
                    name(), issued.subject(), String.join(", ", missing) })); //$NON-NLS-1$
        }
        return new IssuedChain(issued, certificates.subList(1, certificates.size()));
    }

    /**
     * Fetches the resource until its status is final or the deadline passes, waiting what the CA's Retry-After asks
     * (within bounds) or a short, growing while, in slices so Cancel is heard.
     */
    private Status poll(AcmeJsonResource resource, java.util.function.Supplier<Status> status, Instant deadline,
            IssueMonitor monitor, String what) throws AcmeException, IssuerException {
        Duration wait = FIRST_POLL;
        while (true) {
            canceledCheck(monitor);
            Instant retryAfter = resource.fetch().orElse(null);
            Status now = status.get();
            if (now != Status.PENDING && now != Status.PROCESSING) {
                return now;
            }
            Duration asked = retryAfter == null ? wait : Duration.between(Instant.now(), retryAfter);
            Duration next = asked.isNegative() ? FIRST_POLL : asked.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : asked;
            if (Instant.now().plus(next).isAfter(deadline)) {
                throw new IssuerException(Reason.TIMEOUT, NLS.bind(Messages.Acme_timeout, new Object[] { name(),
                        what, timeout().toSeconds(), now }));
            }
            sleep(next, monitor);
            wait = wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait.multipliedBy(2);
        }
    }

    private static void sleep(Duration duration, IssueMonitor monitor) throws IssuerException {
        long end = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (monitor.isCanceled()) {
                    throw new IssuerException(Reason.CANCELED, Messages.Acme_canceled);
                }
                Thread.sleep(Math.max(1, Math.min(SLICE_MILLIS, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerException(Reason.CANCELED, Messages.Acme_canceled, e);
        }
    }

    private static void canceledCheck(IssueMonitor monitor) throws IssuerException {
        if (monitor.isCanceled()) {
            throw new IssuerException(Reason.CANCELED, Messages.Acme_canceled);
        }
    }

    private static Duration timeout() {
        return Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT.toSeconds()));
    }

    /** RFC 8555 §8.3: the CA fetches this URL, on port 80, from the name's address. */
    static String challengeUrl(Challenge answer) {
        return "http://" + answer.name() + "/.well-known/acme-challenge/" + answer.token(); //$NON-NLS-1$ //$NON-NLS-2$
    }

    static boolean isIpAddress(String name) {
        return name.indexOf(':') >= 0 || IPV4.matcher(name).matches();
    }

}
