package org.certbench.core;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one way to read a secret an administrator keeps in a file (an SMTP password, a webhook's HMAC key, an ACME
 * External Account Binding's MAC key): secrets are never arguments, since those end up in shell histories and
 * process lists.
 * <p>
 * CertBench may run as root, so the file is read through its opened directory ({@link LinkSafeDirectory}) and
 * neither it nor its directory may be a link: a link could make root send another file's content to a mail server,
 * a webhook or a CA. It must be a regular file (a FIFO would hold CertBench up for as long as its writer likes),
 * no larger than the caller's bound, and its owner's alone: a secret that others can read is already shared, one
 * that others can change is theirs to choose.
 *
 * @since 1.3
 */
public final class SecretFiles {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            SecretFiles.class.getClassLoader());
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private SecretFiles() {
    }

    /**
     * The content of the secret file {@code file}, as it is (line breaks included).
     *
     * @param file     the file the administrator named
     * @param maxBytes the most a secret of this kind can hold
     * @return the file's bytes, at most {@code maxBytes}
     * @throws IOException whose message says in words why the file was refused, as a clause to follow the caller's
     *                     "FILE cannot be used: ": it is missing, a link, in a linked directory, no regular file,
     *                     larger than {@code maxBytes}, open to others than its owner, or unreadable
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Path fileName = absolute.getFileName();
        // LinkSafeDirectory.open makes a missing directory: a mistyped path must leave no directories behind
        if (parent == null || fileName == null || !Files.isDirectory(parent)) {
            throw new IOException(TEXTS.format("secretMissing")); //$NON-NLS-1$
        }
        if (Files.isSymbolicLink(parent)) {
            throw new IOException(TEXTS.format("secretDirectoryIsLink", parent)); //$NON-NLS-1$
        }
        String name = fileName.toString();
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(parent)) {
            PosixFileAttributes attributes = directory.attributes(name);
            if (attributes == null) {
                throw new IOException(TEXTS.format("secretMissing")); //$NON-NLS-1$
            }
            refuse(absolute, attributes, maxBytes);
            // the read itself opens without following a link and refuses a link, FIFO or larger file put there since
            return directory.read(name, maxBytes);
        } catch (NoSuchFileException e) {
            throw new IOException(TEXTS.format("secretMissing"), e); //$NON-NLS-1$
        } catch (FileSystemException e) {
            // permission denied and the like: LinkSafeDirectory's own refusals are plain IOExceptions in words
            throw new IOException(TEXTS.format("secretNotRead", //$NON-NLS-1$
                    e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()), e);
        }
    }

    private static void refuse(Path file, PosixFileAttributes attributes, int maxBytes) throws IOException {
        if (attributes.isSymbolicLink()) {
            throw new IOException(TEXTS.format("fileIsLink", file)); //$NON-NLS-1$
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(TEXTS.format(attributes.isDirectory() ? "secretIsDirectory" //$NON-NLS-1$
                    : "secretNotRegular")); //$NON-NLS-1$
        }
        if (attributes.size() > maxBytes) {
            throw new IOException(TEXTS.format("secretTooLarge", maxBytes)); //$NON-NLS-1$
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(attributes.permissions());
        open.retainAll(OTHERS);
        if (!open.isEmpty()) {
            throw new IOException(TEXTS.format("secretOpen", //$NON-NLS-1$
                    PosixFilePermissions.toString(attributes.permissions()), file));
        }
    }
}
