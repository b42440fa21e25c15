package org.certbench.issuers.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certbench.core.ConfigurationOwners;
import org.certbench.core.ProgramRun;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.crypto.UnsupportedKeyException;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * A {@code command} issuer: a program the home's owner configured ({@code issuer:command}) that signs the CSR file
 * {@code {csr}} into the certificate file {@code {cert}} — {@code openssl ca}, {@code step ca sign}, {@code vault},
 * a site script. Before it runs, the home and {@code issuers/} with the issuer's files must belong to the user
 * running CertBench and be writable by no one else ({@link ConfigurationOwners}); it runs without a shell, stdin
 * closed, in a private temporary directory (0700, removed afterwards), within a time limit, its output kept up to
 * {@link #MAX_OUTPUT} characters. What it writes must be a certificate for the CSR's key naming every name of the
 * request and no other, signed by the configured CA; else nothing is returned and the failure says why, with what
 * the program said.
 */
final class CommandIssuer implements Issuer {

    static final int MAX_OUTPUT = 2000;
    /** The lock file beside the issuer's files, {@code issuers/NAME.run.lock} (never {@code issuers.lock}). */
    static final String LOCK = ".run.lock"; //$NON-NLS-1$

    private final String name;
    private final Certificate ca;
    private final List<String> program;
    private final List<Path> configuration;
    private final Duration timeout;

    /** @param configuration the home, {@code issuers/} and this issuer's files: what decides what runs */
    CommandIssuer(String name, Certificate ca, List<String> program, List<Path> configuration, Duration timeout) {
        this.name = name;
        this.ca = ca;
        this.program = List.copyOf(program);
        this.configuration = List.copyOf(configuration);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "command"; //$NON-NLS-1$
    }

    @Override
    public String description() {
        return NLS.bind(Messages.Command_description, String.join(" ", program)); //$NON-NLS-1$
    }

    List<String> program() {
        return program;
    }

    @Override
    public List<Certificate> caCertificates() {
        return List.of(ca);
    }

    @Override
    public Set<IssueKind> kinds() {
        return EnumSet.allOf(IssueKind.class);
    }

    @Override
    public boolean canRevoke() {
        return false;
    }

    @Override
    public IssuedChain issue(CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
            throws IssuerException {
        if (monitor.isCanceled()) {
            throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled);
        }
        try {
            ConfigurationOwners.requireSafe(configuration);
        } catch (IOException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Command_unsafe, name, e.getMessage()), e);
        }
        // one program at a time per issuer, across processes: the CAs it runs keep state without locking
        // (openssl ca's index and serial files), and a batch renews up to 64 agents at once
        Path issuers = configuration.get(1);
        try (ProgramLock.Held running = ProgramLock.of(issuers.resolve(name + LOCK)).acquire(monitor::isCanceled)) {
            if (running == null) {
                throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled);
            }
            return issueAlone(csr, request, monitor);
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_unsafe, name, e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled, e);
        }
    }

    private IssuedChain issueAlone(CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
            throws IssuerException {
        if (monitor.isCanceled()) {
            throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled);
        }
        Path work;
        try {
            work = Files.createTempDirectory("certbench-issuer-", //$NON-NLS-1$
                    PosixFilePermissions.asFileAttribute(LocalCaStore.PRIVATE_DIRECTORY));
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_noWorkDirectory, name,
                    e.getMessage()), e);
        }
        try {
            return issueIn(work, csr, request, monitor);
        } finally {
            delete(work);
        }
    }

    private IssuedChain issueIn(Path work, CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
            throws IssuerException {
        Path csrFile = work.resolve("request.csr"); //$NON-NLS-1$
        Path certFile = work.resolve("certificate.pem"); //$NON-NLS-1$
        List<String> command = new ArrayList<>();
        for (String argument : program) {
            command.add(argument.replace("{csr}", csrFile.toString()).replace("{cert}", certFile.toString())); //$NON-NLS-1$ //$NON-NLS-2$
        }
        ProgramRun.Outcome outcome;
        try {
            Files.writeString(csrFile, csr.pem(), StandardCharsets.US_ASCII);
            monitor.subTask(NLS.bind(Messages.Command_running, name));
            // Cancel kills the program: a CA that hangs must not hold the batch (or the issuer's turn) until the timeout
            outcome = ProgramRun.run(command, work, timeout, MAX_OUTPUT, monitor::isCanceled);
        } catch (ProgramRun.Canceled e) {
            throw new IssuerException(Reason.CANCELED, Messages.Issuer_canceled, e);
        } catch (ProgramRun.OutputTooLarge e) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_outputTooLarge,
                    new Object[] { name, ProgramRun.MAX_LOG_BYTES / 1024 / 1024, said(e.output()) }), e);
        } catch (ProgramRun.TimedOut e) {
            throw new IssuerException(Reason.TIMEOUT, NLS.bind(Messages.Command_timeout,
                    new Object[] { name, timeout.toSeconds(), said(e.output()) }), e);
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_notStarted, name, e.getMessage()),
                    e);
        }
        if (!outcome.succeeded()) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_exit,
                    new Object[] { name, outcome.exitStatus(), said(outcome.output()) }));
        }
        if (!Files.isRegularFile(certFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_noCertificate, name,
                    said(outcome.output())));
        }
        List<Certificate> written;
        try {
            written = Certificates.readAll(certFile);
        } catch (CertBenchCryptoException e) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_notACertificate,
                    new Object[] { name, e.getMessage(), said(outcome.output()) }), e);
        }
        Certificate issued = written.get(0);
        requireForRequest(issued, csr, request, outcome.output());
        List<Certificate> chain = written.size() > 1 ? written.subList(1, written.size()) : List.of(ca);
        return new IssuedChain(issued, chain);
    }

    private void requireForRequest(Certificate issued, CertificationRequest csr, IssueRequest request, String output)
            throws IssuerException {
        boolean sameKey;
        try {
            sameKey = csr.hasPublicKey(issued.publicKey());
        } catch (UnsupportedKeyException e) {
            sameKey = false;
        }
        if (!sameKey) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_wrongKey,
                    new Object[] { name, issued.subject(), said(output) }));
        }
        List<String> missing = request.names().stream().filter(host -> !issued.namesHost(host)).toList();
        List<String> extra = issued.hostNames().stream().map(SubjectAlternativeName::value)
                .filter(host -> request.names().stream().noneMatch(wanted -> wanted.equalsIgnoreCase(host))).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_wrongNames,
                    new Object[] { name, String.join(", ", issued.hostNames().stream() //$NON-NLS-1$
                            .map(SubjectAlternativeName::value).toList()), String.join(", ", request.names()) })); //$NON-NLS-1$
        }
        if (!LocalIssuer.isIssuedBy(issued, ca)) {
            throw new IssuerException(Reason.INVALID_RESPONSE, NLS.bind(Messages.Command_notByCa,
                    new Object[] { name, issued.issuer(), ca.subject() }));
        }
    }

    private static String said(String output) {
        return output == null || output.isBlank() ? Messages.Command_saidNothing : output;
    }

    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a program that left something it cannot have removed: the system's temporary directory cleans up
        }
    }
}
