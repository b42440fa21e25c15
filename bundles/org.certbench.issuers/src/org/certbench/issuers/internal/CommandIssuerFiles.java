package org.certbench.issuers.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.certbench.core.FileStamp;
import org.certbench.core.LinkSafeDirectory;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.internal.files.IssuerFiles;
import org.eclipse.osgi.util.NLS;

/**
 * The command issuers' configuration in {@code <home>/issuers/}: {@code NAME.command} (the program and its
 * arguments, one per line) and {@code NAME.ca.pem} (the CA certificate its certificates chain to), changed under
 * {@code issuers.lock} and read again on every look, so what a shell configured is what the workbench runs.
 */
final class CommandIssuerFiles {

    static final String COMMAND = ".command"; //$NON-NLS-1$
    static final String CA = ".ca.pem"; //$NON-NLS-1$
    private static final int MAX_FILE = 64 * 1024;

    private final IssuerFiles files;
    private final Path directory;
    private final Supplier<Duration> timeout;
    /** What was read last, kept while no file of it changed: renewal asks for the issuers once per agent. */
    private volatile Listed listed;

    private record Listed(List<FileStamp> stamps, Duration timeout, List<String> names, List<CommandIssuer> issuers) {
    }

    /** @param timeout the time a program may take, asked for at every look (a setting may change it) */
    CommandIssuerFiles(Path issuersDirectory, Supplier<Duration> timeout) {
        this.files = new IssuerFiles(issuersDirectory);
        this.directory = files.directory();
        this.timeout = timeout;
    }

    /**
     * {@return the configured command issuers, sorted by name; a damaged configuration is left out and logged} Read
     * again when {@code issuers/} or a file of a listed issuer changed (one {@code stat} each): adding, removing or
     * replacing an issuer (all through renames) changes the directory, an edit in place changes the file.
     */
    List<CommandIssuer> list() {
        Duration now = timeout.get();
        Listed held = listed;
        if (held != null && held.timeout().equals(now) && held.stamps().equals(stamps(held.names()))) {
            return held.issuers();
        }
        Instant taken = Instant.now();
        FileStamp directoryBefore;
        try {
            directoryBefore = FileStamp.of(directory).trustedAt(taken);
        } catch (IOException e) {
            directoryBefore = FileStamp.UNSURE;
        }
        List<String> names = names();
        // every stamp taken before what it stamps is read: a change while reading shows at the next look
        List<FileStamp> stamps = stamps(names);
        List<CommandIssuer> issuers = new ArrayList<>();
        for (String name : names) {
            try {
                issuers.add(read(name));
            } catch (IOException | CertBenchCryptoException | RuntimeException e) {
                log(name, e);
            }
        }
        List<FileStamp> trusted = new ArrayList<>(List.of(directoryBefore));
        if (stamps == null) {
            trusted.add(FileStamp.UNSURE);
        } else {
            stamps.subList(1, stamps.size()).forEach(stamp -> trusted.add(stamp.trustedAt(taken)));
        }
        listed = new Listed(List.copyOf(trusted), now, List.copyOf(names), List.copyOf(issuers));
        return issuers;
    }

    /** The stamps of {@code issuers/} and of the named issuers' files, or null if one cannot be taken. */
    private List<FileStamp> stamps(List<String> names) {
        List<FileStamp> stamps = new ArrayList<>();
        try {
            stamps.add(FileStamp.of(directory));
            for (String name : names) {
                stamps.add(FileStamp.of(directory.resolve(name + COMMAND)));
                stamps.add(FileStamp.of(directory.resolve(name + CA)));
            }
            return stamps;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@return the names of the configured issuers, damaged ones included, sorted} */
    private List<String> names() {
        try {
            return files.names(COMMAND);
        } catch (IOException e) {
            log(directory.toString(), e);
            return List.of();
        }
    }

    private CommandIssuer read(String name) throws IOException, CertBenchCryptoException {
        try (LinkSafeDirectory issuers = LinkSafeDirectory.open(directory)) {
            List<String> program = new String(issuers.read(name + COMMAND, MAX_FILE), StandardCharsets.UTF_8).lines()
                    .toList();
            Certificate ca = Certificates.read(issuers.read(name + CA, MAX_FILE), directory.resolve(name + CA).toString())
                    .certificate();
            return new CommandIssuer(name, ca, program, configuration(name), timeout.get());
        }
    }

    /** The home, {@code issuers/} and the issuer's files: whoever can change one of them chooses what runs. */
    private List<Path> configuration(String name) {
        return files.configuration(name, COMMAND, CA);
    }

    CommandIssuer add(String name, Certificate ca, List<String> program) throws IssuerException {
        if (!IssuerFiles.NAME.matcher(name).matches() || name.equals(LocalIssuer.NAME)) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Command_badName, name));
        }
        if (program.isEmpty() || program.stream().noneMatch(argument -> argument.contains("{csr}")) //$NON-NLS-1$
                || program.stream().noneMatch(argument -> argument.contains("{cert}"))) { //$NON-NLS-1$
            throw new IssuerException(Reason.REFUSED, Messages.Command_placeholders);
        }
        if (program.stream().anyMatch(argument -> argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0)) {
            throw new IssuerException(Reason.REFUSED, Messages.Command_lineBreak);
        }
        if (!ca.isCertificateAuthority()) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Command_notACa, ca.subject()));
        }
        try {
            files.change(issuers -> {
                issuers.write(name + CA, ca.pem().getBytes(StandardCharsets.US_ASCII), null, null, true);
                issuers.write(name + COMMAND, (String.join("\n", program) + "\n").getBytes(StandardCharsets.UTF_8), //$NON-NLS-1$ //$NON-NLS-2$
                        null, null, true);
                return null;
            });
            return read(name);
        } catch (IOException | CertBenchCryptoException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    /** {@return whether there was a command issuer of that name to remove} */
    boolean remove(String name) throws IssuerException {
        try {
            return files.remove(name, COMMAND, CA);
        } catch (IOException e) {
            throw new IssuerException(Reason.UNAVAILABLE, NLS.bind(Messages.Command_notWritten, directory,
                    e.getMessage()), e);
        }
    }

    private static void log(String what, Exception e) {
        System.getLogger(CommandIssuerFiles.class.getName()).log(System.Logger.Level.WARNING,
                NLS.bind(Messages.Command_unreadable, what, e.getMessage()), e);
    }
}
