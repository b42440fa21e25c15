package org.certbench.issuers.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.certbench.agents.connector.RevocationStatus;
import org.certbench.core.AtomicFiles;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.Certificate;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link Issuers} service: every {@link Issuer} service (the {@code local} CA and plug-ins' issuers, coming and
 * going with their bundles) and, for the agents' connector, whether one of them revoked a certificate.
 */
@Component(service = { Issuers.class, RevocationStatus.class })
public final class IssuerRegistry implements Issuers, RevocationStatus {

    /**
     * The time a command issuer's program may take unless {@value #TIMEOUT_PROPERTY} (seconds, read at every look)
     * says otherwise.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final String TIMEOUT_PROPERTY = "certbench.issuers.command.timeout"; //$NON-NLS-1$

    private final List<Issuer> services = new CopyOnWriteArrayList<>();
    private final CommandIssuerFiles commands;

    /** The issuers of the home in use. */
    @Activate
    public IssuerRegistry() {
        this(StateDirectory.area("issuers"), () -> Duration.ofSeconds(Math.max(1, Long.getLong(TIMEOUT_PROPERTY, //$NON-NLS-1$
                DEFAULT_TIMEOUT.toSeconds()))));
    }

    IssuerRegistry(Path issuersDirectory, Duration commandTimeout) {
        this(issuersDirectory, () -> commandTimeout);
    }

    private IssuerRegistry(Path issuersDirectory, java.util.function.Supplier<Duration> commandTimeout) {
        this.commands = new CommandIssuerFiles(issuersDirectory, commandTimeout);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIssuer(Issuer issuer) {
        services.add(issuer);
    }

    void removeIssuer(Issuer issuer) {
        services.remove(issuer);
    }

    @Override
    public List<Issuer> list() {
        List<Issuer> all = new ArrayList<>(services);
        // a plug-in's issuer keeps its name; a command issuer configured with the same name is left out
        commands.list().stream().filter(command -> services.stream().noneMatch(s -> s.name().equals(command.name())))
                .forEach(all::add);
        all.sort(Comparator.comparing(Issuer::name));
        return List.copyOf(all);
    }

    @Override
    public Issuer get(String name) throws IssuerException {
        for (Issuer issuer : list()) {
            if (issuer.name().equals(name)) {
                return issuer;
            }
        }
        throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Issuers_unknown, name,
                list().stream().map(Issuer::name).collect(Collectors.joining(", ")))); //$NON-NLS-1$
    }

    @Override
    public Optional<Issuer> issuerOf(Certificate certificate) {
        for (Issuer issuer : list()) {
            List<Certificate> cas = issuer instanceof LocalIssuer local ? local.caCertificates()
                    : safeCaCertificates(issuer);
            for (Certificate ca : cas) {
                if (LocalIssuer.isIssuedBy(certificate, ca)) {
                    return Optional.of(issuer);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> revokedAt(Certificate certificate) {
        for (Issuer issuer : services) {
            if (issuer instanceof RevocationRecords records) {
                Optional<Instant> revoked = records.revokedAt(certificate);
                if (revoked.isPresent()) {
                    return revoked;
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void refreshRevocationLists() throws IssuerException {
        IssuerException first = null;
        for (Issuer issuer : services) {
            if (issuer instanceof LocalIssuer local) {
                try {
                    local.refreshCrl();
                } catch (IssuerException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public Issuer addCommand(String name, Certificate caCertificate, List<String> program) throws IssuerException {
        if (services.stream().anyMatch(issuer -> issuer.name().equals(name))) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Issuers_nameTaken, name));
        }
        return commands.add(name, caCertificate, program);
    }

    @Override
    public void remove(String name) throws IssuerException {
        Issuer issuer = get(name);
        if (!(issuer instanceof CommandIssuer) && issuer.removable()) {
            issuer.removeConfiguration();
            return;
        }
        if (!(issuer instanceof CommandIssuer) || !commands.remove(name)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Issuers_notRemovable, issuer.name()));
        }
    }

    @Override
    public void exportCaCertificates(String name, Path file) throws IssuerException {
        Issuer issuer = get(name);
        List<Certificate> cas = issuer instanceof LocalIssuer local ? List.of(local.caCertificate())
                : safeCaCertificates(issuer);
        if (cas.isEmpty()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Issuers_noCaYet, name));
        }
        String pem = cas.stream().map(Certificate::pem).collect(Collectors.joining());
        try {
            AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Issuers_exportFailed, file, e.getMessage()),
                    e);
        }
    }

    /** A plug-in's issuer that throws names no CA rather than breaking the list. */
    private static List<Certificate> safeCaCertificates(Issuer issuer) {
        try {
            return issuer.caCertificates();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
