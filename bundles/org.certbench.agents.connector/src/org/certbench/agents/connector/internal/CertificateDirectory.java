package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.certbench.agents.connector.FleetException;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.eclipse.osgi.util.NLS;

/**
 * The certificate files a CA returned, read once: every {@code .crt .cer .pem .der} file of the directory
 * (not its sub-directories), PEM or DER, indexed by the public key each certifies. A file's name is only a
 * hint: files are matched to agents by key.
 */
final class CertificateDirectory {

    static final Set<String> EXTENSIONS = Set.of(".crt", ".cer", ".pem", ".der"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
    /** More files than any fleet has agents is a wrong directory, not a CA's answer. */
    static final int MAX_FILES = 100_000;

    record Found(Path file, Certificate certificate, String keyId) {

        String fileName() {
            return file.getFileName().toString();
        }

        String baseName() {
            String name = fileName();
            return name.substring(0, name.lastIndexOf('.'));
        }
    }

    private final Path directory;
    private final List<Found> files;
    private final List<String> problems;
    private final Map<String, List<Found>> byKey = new HashMap<>();

    private CertificateDirectory(Path directory, List<Found> files, List<String> problems) {
        this.directory = directory;
        this.files = files;
        this.problems = problems;
        files.forEach(found -> byKey.computeIfAbsent(found.keyId(), key -> new ArrayList<>()).add(found));
    }

    static CertificateDirectory scan(Path directory) throws FleetException {
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(CertificateDirectory::isCertificateFile).sorted().limit(MAX_FILES + 1L).toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new FleetException(NLS.bind(Messages.Files_noDirectory, directory), e);
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Files_unreadableDirectory, directory, e.getMessage()), e);
        }
        if (paths.size() > MAX_FILES) {
            throw new FleetException(NLS.bind(Messages.Files_tooMany, directory, MAX_FILES));
        }
        if (paths.isEmpty()) {
            throw new FleetException(NLS.bind(Messages.Files_none, directory));
        }
        List<Object> reads = paths.parallelStream().map(CertificateDirectory::read).toList();
        List<Found> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Object read : reads) {
            if (read instanceof Found certificate) {
                found.add(certificate);
            } else {
                problems.add((String) read);
            }
        }
        return new CertificateDirectory(directory, List.copyOf(found), List.copyOf(problems));
    }

    Path path() {
        return directory;
    }

    /** Files that could not be read, in words. */
    List<String> problems() {
        return problems;
    }

    List<Found> forKey(String keyId) {
        return byKey.getOrDefault(keyId, List.of());
    }

    /** Files named after the agent (as given, or as its CSR was named), whatever key they certify. */
    List<Found> namedAfter(String agent) {
        String plain = agent.toLowerCase(Locale.ROOT);
        String csrName = AgentFileNames.csrBaseName(agent).toLowerCase(Locale.ROOT);
        return files.stream().filter(found -> {
            String base = found.baseName().toLowerCase(Locale.ROOT);
            return base.equals(plain) || base.equals(csrName);
        }).toList();
    }

    /** A key's identity: its SubjectPublicKeyInfo encoding, the same whether it came from a file or a handshake. */
    static String keyId(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static Object read(Path file) {
        try {
            Certificate certificate = Certificates.read(file).certificate();
            return new Found(file, certificate, keyId(certificate.publicKey()));
        } catch (CertBenchCryptoException e) {
            return NLS.bind(Messages.Files_unreadable, file.getFileName(), e.getMessage());
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && dot > 0 && Files.isRegularFile(file) //$NON-NLS-1$
                && EXTENSIONS.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }
}
