package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.certbench.core.LinkSafeDirectory;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * The External Account Binding's MAC key, as the CA handed it out (base64url), from the file the administrator
 * names. It is a secret that can register accounts in the administrator's name: read through its opened directory
 * without following a link (a link could make CertBench, perhaps as root, send another file's first line to the CA),
 * and only when no one but its owner can read or change it — a key others could read is already shared.
 */
final class EabKeyFile {

    static final int MAX_BYTES = 4 * 1024;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private EabKeyFile() {
    }

    /** @throws IssuerException in words if the file is missing, a link, open to others, too large or no key */
    static String read(Path file) throws IssuerException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return key(absolute);
        } catch (IOException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Add_eabUnreadable, absolute, e.getMessage()),
                    e);
        }
    }

    private static String key(Path file) throws IOException {
        Path parent = file.getParent();
        String name = file.getFileName() == null ? "" : file.getFileName().toString(); //$NON-NLS-1$
        // LinkSafeDirectory.open makes a missing directory: a mistyped path must not leave directories behind
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException(Messages.Add_eabMissing);
        }
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(parent)) {
            PosixFileAttributes attributes = directory.attributes(name);
            if (attributes == null) {
                throw new IOException(Messages.Add_eabMissing);
            }
            if (!attributes.isSymbolicLink() && attributes.isRegularFile()) {
                Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
                open.addAll(attributes.permissions());
                open.retainAll(OTHERS);
                if (!open.isEmpty()) {
                    throw new IOException(NLS.bind(Messages.Add_eabOpen,
                            PosixFilePermissions.toString(attributes.permissions()), file));
                }
            }
            // refuses a link, a FIFO or a device in words, and reads nothing beyond the bound
            byte[] content = directory.read(name, MAX_BYTES);
            String key = new String(content, StandardCharsets.US_ASCII).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_=+/-]+")) { //$NON-NLS-1$
                throw new IOException(Messages.Add_eabNotBase64);
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new IOException(Messages.Add_eabMissing, e);
        }
    }
}
