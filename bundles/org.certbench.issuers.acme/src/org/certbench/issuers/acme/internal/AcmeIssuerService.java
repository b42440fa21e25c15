package org.certbench.issuers.acme.internal;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.core.FileWatch;
import org.certbench.core.StateDirectory;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.ExternalAccount;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.truststore.OutboundTls;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Metadata;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeLazyLoadingException;
import org.shredzone.acme4j.exception.AcmeProtocolException;

/**
 * {@link AcmeIssuers}, and each configured ACME issuer registered as an {@link Issuer} service (so the
 * {@link Issuers} registry, renewal and {@code issuer:list} see it). The files are looked at again every few seconds:
 * an issuer a shell added beside the workbench appears there.
 */
@Component(service = AcmeIssuers.class)
public final class AcmeIssuerService implements AcmeIssuers {

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);

    private final OutboundTls outbound;
    private final Issuers issuers;
    private final AcmeIssuerFiles files;
    private final BundleContext context;
    private final Map<String, Registered> registered = new HashMap<>();
    private final FileWatch watch;

    private record Registered(String stamp, AcmeIssuer issuer, ServiceRegistration<Issuer> registration) {
    }

    /** The ACME issuers of the home in use. */
    @Activate
    public AcmeIssuerService(@Reference OutboundTls outbound, @Reference Issuers issuers, BundleContext context) {
        this.outbound = outbound;
        this.issuers = issuers;
        this.context = context;
        this.files = new AcmeIssuerFiles(StateDirectory.area("issuers")); //$NON-NLS-1$
        refresh();
        this.watch = FileWatch.every(FileWatch.DEFAULT_PERIOD, files.directory(), this::refresh);
    }

    /** Unregisters the issuers. */
    @Deactivate
    public synchronized void stop() {
        watch.close();
        registered.values().forEach(entry -> unregister(entry.registration()));
        registered.clear();
    }

    @Override
    public Optional<URI> termsOfService(URI directory) throws IssuerException {
        requireHttps(directory);
        try {
            return session(directory).getMetadata().getTermsOfService();
        } catch (AcmeException | AcmeLazyLoadingException | AcmeProtocolException | UncheckedIOException e) {
            // UncheckedIOException: acme4j's JSON parser lets a body's failed reading (cut off at the bound) escape so
            throw AcmeFailures.of(null, directory, outbound.proxy(), e);
        }
    }

    @Override
    public boolean externalAccountRequired(URI directory) throws IssuerException {
        requireHttps(directory);
        try {
            return session(directory).getMetadata().isExternalAccountRequired();
        } catch (AcmeException | AcmeLazyLoadingException | AcmeProtocolException | UncheckedIOException e) {
            // UncheckedIOException: acme4j's JSON parser lets a body's failed reading (cut off at the bound) escape so
            throw AcmeFailures.of(null, directory, outbound.proxy(), e);
        }
    }

    @Override
    public Issuer add(AcmeIssuerSettings settings) throws IssuerException {
        String name = settings.name();
        if (!AcmeIssuerFiles.NAME.matcher(name).matches()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_badName, name));
        }
        if (issuers.list().stream().anyMatch(issuer -> issuer.name().equals(name) && !(issuer instanceof AcmeIssuer))) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_nameTaken, name));
        }
        requireHttps(settings.directory());
        if (settings.challenge() instanceof Webroot webroot
                && !Files.isDirectory(webroot.directory(), LinkOption.NOFOLLOW_LINKS)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_noWebroot, webroot.directory()));
        }
        if (settings.email().isPresent()) {
            // before any network call: acme4j's URI.create would fail as if the CA could not be reached
            EmailAddress.require(settings.email().get());
        }
        // the binding's key first: a refusal of it must leave no account key and no account behind
        Optional<String> macKey = settings.externalAccount().isEmpty() ? Optional.empty()
                : Optional.of(EabKeyFile.read(settings.externalAccount().get().hmacKeyFile()));
        Session session = session(settings.directory());
        URL account;
        try {
            Metadata metadata = session.getMetadata();
            Optional<URI> terms = metadata.getTermsOfService();
            if (terms.isPresent() && !settings.agreeToTerms()) {
                throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_termsNotAgreed, name, terms.get()));
            }
            if (metadata.isExternalAccountRequired() && settings.externalAccount().isEmpty()) {
                throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_eabRequired, name,
                        settings.directory()));
            }
            KeyPair key = files.accountKeyForRegistration(name);
            AccountBuilder builder = new AccountBuilder().useKeyPair(key);
            settings.email().ifPresent(builder::addEmail);
            if (settings.agreeToTerms()) {
                builder.agreeToTermsOfService();
            }
            if (settings.externalAccount().isPresent()) {
                ExternalAccount eab = settings.externalAccount().get();
                builder.withKeyIdentifier(eab.keyId(), macKey.orElseThrow());
            }
            Login login = builder.createLogin(session);
            account = login.getAccountLocation();
            files.keepAccountKey(name, key);
        } catch (AcmeException | AcmeLazyLoadingException | AcmeProtocolException | IllegalArgumentException
                | UncheckedIOException e) {
            // UncheckedIOException: acme4j's JSON parser lets a body's failed reading (cut off at the bound) escape so
            throw AcmeFailures.of(name, settings.directory(), outbound.proxy(), e);
        }
        files.write(new AcmeIssuerConfig(name, settings.directory(), settings.email(), account,
                settings.challenge()));
        refresh();
        synchronized (this) {
            Registered entry = registered.get(name);
            if (entry == null) {
                throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Files_notWritten, files.directory(),
                        name));
            }
            return entry.issuer();
        }
    }

    @Override
    public void remove(String name) throws IssuerException {
        if (!files.remove(name)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Remove_none, name));
        }
        refresh();
    }

    /** {@return the ACME issuer of that name as registered now, or empty} */
    synchronized Optional<AcmeIssuer> issuer(String name) {
        return Optional.ofNullable(registered.get(name)).map(Registered::issuer);
    }

    /** Registers what the files configure now and unregisters what they no longer do. */
    synchronized void refresh() {
        List<String> names = files.names();
        registered.keySet().stream().filter(name -> !names.contains(name)).toList()
                .forEach(gone -> unregister(registered.remove(gone).registration()));
        for (String name : names) {
            Optional<AcmeIssuerConfig> config = files.read(name);
            if (config.isEmpty()) {
                Registered gone = registered.remove(name);
                if (gone != null) {
                    unregister(gone.registration());
                }
                continue;
            }
            String stamp = config.get().text().lines().filter(line -> !line.startsWith("#")).toList().toString(); //$NON-NLS-1$
            Registered known = registered.get(name);
            if (known != null && known.stamp().equals(stamp)) {
                continue;
            }
            if (known != null) {
                unregister(known.registration());
            }
            AcmeIssuer issuer = new AcmeIssuer(config.get(), files, outbound, this::remove);
            registered.put(name, new Registered(stamp, issuer, context.registerService(Issuer.class, issuer, null)));
        }
    }

    private Session session(URI directory) {
        return AcmeSessions.open(directory, outbound, NETWORK_TIMEOUT);
    }

    private static void requireHttps(URI directory) throws IssuerException {
        if (!"https".equals(directory.getScheme()) || directory.getHost() == null) { //$NON-NLS-1$
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_notHttps, directory));
        }
    }

    private static void unregister(ServiceRegistration<Issuer> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // unregistered already, with the bundle stopping
        }
    }
}
