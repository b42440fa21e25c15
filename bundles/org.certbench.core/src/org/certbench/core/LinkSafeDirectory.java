package org.certbench.core;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * One directory, opened without following a link, and the files in it written, read, renamed and removed
 * through that open directory ({@link SecureDirectoryStream}: {@code openat}, {@code renameat}, {@code unlinkat}
 * and {@code fchmod}/{@code fchown} on an opened file), none of it following a link.
 * <p>
 * CertBench runs as root to install host certificates into directories that belong to a service (PostgreSQL's
 * data directory belongs to postgres). Whoever owns such a directory can put a link where CertBench is about to
 * write, read, chmod or chown — by path, root would then truncate, expose or hand over any file of the system. So
 * here every name is a plain name inside the opened directory, a link in its place is refused in words, a new
 * file is created exclusively (a link planted at its name makes it pick another), and permissions and owner are
 * set on the new file before it is renamed into place, never after.
 * <p>
 * Only the directory's own last component is opened without following a link; the directories above it are the
 * administrator's configuration (and are checked for their owners where CertBench configures what runs as root).
 */
public final class LinkSafeDirectory implements Closeable {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            LinkSafeDirectory.class.getClassLoader());
    private static final Set<PosixFilePermission> PLAIN_FILE = PosixFilePermissions.fromString("rw-r--r--"); //$NON-NLS-1$
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> APPEND_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A few tries at a temporary name before giving up: each collision is another writer or a planted entry. */
    private static final int TEMPORARY_NAME_TRIES = 8;

    private final Path path;
    private final SecureDirectoryStream<Path> directory;

    private LinkSafeDirectory(Path path, SecureDirectoryStream<Path> directory) {
        this.path = path;
        this.directory = directory;
    }

    /**
     * Opens {@code directory}, creating it (and its parents) if missing.
     *
     * @throws IOException in words if it is a link, no directory, or this platform cannot open a directory
     *                     safely
     */
    public static LinkSafeDirectory open(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (FileAlreadyExistsException e) {
            // a link to nowhere (or to a file) where the directory should be
            if (Files.isSymbolicLink(absolute)) {
                throw new IOException(TEXTS.format("directoryIsLink", absolute), e); //$NON-NLS-1$
            }
            throw e;
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            return new LinkSafeDirectory(absolute, secure(Files.newDirectoryStream(absolute), absolute));
        }
        try (SecureDirectoryStream<Path> above = secure(Files.newDirectoryStream(parent), parent)) {
            Path name = absolute.getFileName();
            PosixFileAttributes attributes = attributes(above, name);
            if (attributes != null && attributes.isSymbolicLink()) {
                throw new IOException(TEXTS.format("directoryIsLink", absolute)); //$NON-NLS-1$
            }
            try {
                return new LinkSafeDirectory(absolute, above.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS));
            } catch (FileSystemException e) {
                // replaced by a link or a file between the look and the open: refused all the same
                throw new IOException(TEXTS.format("directoryNotOpened", absolute, reason(e)), e); //$NON-NLS-1$
            }
        }
    }

    /**
     * Opens the directory {@code name} in this one from this one, not by its path: a level checked here cannot be
     * swapped for a link (to {@code /etc}, say) between the check and the open, as re-opening it by path would allow.
     *
     * @return the directory, or {@code null} if there is no entry of that name
     * @throws IOException in words if the entry is a link or no directory
     * @since 1.2
     */
    public LinkSafeDirectory openDirectory(String name) throws IOException {
        Path child = entry(name);
        PosixFileAttributes attributes = attributes(directory, child);
        if (attributes == null) {
            return null;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(TEXTS.format("directoryIsLink", path.resolve(child))); //$NON-NLS-1$
        }
        try {
            // O_NOFOLLOW: a link put there after the look is refused by the open itself
            return new LinkSafeDirectory(path.resolve(child), directory.newDirectoryStream(child,
                    LinkOption.NOFOLLOW_LINKS));
        } catch (FileSystemException e) {
            throw new IOException(TEXTS.format("directoryNotOpened", path.resolve(child), reason(e)), e); //$NON-NLS-1$
        }
    }

    /** {@return the directory's path} */
    public Path path() {
        return path;
    }

    /**
     * Writes {@code content} as the file {@code name}, atomically: a new temporary file, written, flushed (when
     * {@code durable}), given its permissions and owner, then renamed over {@code name}.
     *
     * @param permissions the file's permissions; {@code null} for 0644
     * @param owner       the file's owner; {@code null} for the user CertBench runs as
     * @param durable     whether the data and the rename are flushed to disk before this returns
     * @throws IOException in words if {@code name} is a link
     */
    public void write(String name, byte[] content, Set<PosixFilePermission> permissions, UserPrincipal owner,
            boolean durable) throws IOException {
        Path target = entry(name);
        refuseLink(target);
        Path temporary = createTemporary(name);
        boolean renamed = false;
        try {
            try (SeekableByteChannel channel = directory.newByteChannel(temporary, Set.of(StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable && channel instanceof FileChannel file) {
                    file.force(true);
                }
            }
            PosixFileAttributeView view = view(temporary);
            view.setPermissions(permissions == null ? PLAIN_FILE : permissions);
            if (owner != null && !owner.equals(view.getOwner())) {
                view.setOwner(owner);
            }
            // a link planted at the target since the look above is replaced, not followed: rename works on names
            directory.move(temporary, directory, target);
            renamed = true;
            if (durable) {
                sync();
            }
        } finally {
            if (!renamed) {
                deleteQuietly(temporary);
            }
        }
    }

    /**
     * The content of the regular file {@code name}, at most {@code limit} bytes.
     *
     * @throws NoSuchFileException if there is none
     * @throws IOException         in words if it is a link, no regular file, or larger than {@code limit}
     */
    public byte[] read(String name, int limit) throws IOException {
        Path file = entry(name);
        PosixFileAttributes attributes = attributes(directory, file);
        if (attributes == null) {
            throw new NoSuchFileException(path.resolve(file).toString());
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(TEXTS.format("fileIsLink", path.resolve(file))); //$NON-NLS-1$
        }
        if (!attributes.isRegularFile()) {
            // a FIFO would block the read for as long as its owner likes
            throw new IOException(TEXTS.format("notRegular", path.resolve(file))); //$NON-NLS-1$
        }
        try (SeekableByteChannel channel = directory.newByteChannel(file, READ)) {
            long size = channel.size();
            if (size > limit) {
                throw new IOException(TEXTS.format("tooLarge", path.resolve(file), limit)); //$NON-NLS-1$
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // until full or at the end
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            throw new IOException(TEXTS.format("notRead", path.resolve(file), reason(e)), e); //$NON-NLS-1$
        }
    }

    /**
     * Appends {@code bytes} to the file {@code name} (created with {@code permissions} and {@code owner} if missing),
     * opened {@code O_APPEND} without following a link, in one write, flushed to disk before this returns: a log
     * that several processes append to, whose entries survive a crash once written. When the file does not end
     * with a line end (a writer stopped mid-entry), one is added first, so the cut entry spoils no later one.
     *
     * @throws IOException in words if {@code name} is a link or no regular file
     */
    public void appendLine(String name, byte[] bytes, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        Path file = entry(name);
        SeekableByteChannel opened = openNew(file, permissions);
        boolean created = opened != null;
        try (SeekableByteChannel channel = created ? opened : openExisting(file)) {
            if (created && owner != null) {
                view(file).setOwner(owner);
            }
            boolean cut = !created && !endsWithLineEnd(file);
            ByteBuffer buffer = ByteBuffer.allocate(bytes.length + (cut ? 1 : 0));
            if (cut) {
                buffer.put((byte) '\n');
            }
            buffer.put(bytes).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel instanceof FileChannel fileChannel) {
                fileChannel.force(true);
            }
        }
        if (created) {
            sync();
        }
    }

    /** The new file {@code file} opened for appending, or {@code null} if an entry of that name exists. */
    private SeekableByteChannel openNew(Path file, Set<PosixFilePermission> permissions) throws IOException {
        try {
            return directory.newByteChannel(file, APPEND_NEW, PosixFilePermissions.asFileAttribute(permissions));
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (FileSystemException e) {
            throw new IOException(TEXTS.format("notAppended", path.resolve(file), reason(e)), e); //$NON-NLS-1$
        }
    }

    private SeekableByteChannel openExisting(Path file) throws IOException {
        refuseLink(file);
        requireRegular(file);
        try {
            return directory.newByteChannel(file, APPEND);
        } catch (FileSystemException e) {
            throw new IOException(TEXTS.format("notAppended", path.resolve(file), reason(e)), e); //$NON-NLS-1$
        }
    }

    /**
     * The regular file {@code name} for reading, opened without following a link.
     *
     * @throws NoSuchFileException if there is none
     * @throws IOException         in words if it is a link or no regular file
     */
    public SeekableByteChannel openForReading(String name) throws IOException {
        Path file = entry(name);
        if (attributes(directory, file) == null) {
            throw new NoSuchFileException(path.resolve(file).toString());
        }
        refuseLink(file);
        requireRegular(file);
        return directory.newByteChannel(file, READ);
    }

    /**
     * Creates the empty file {@code name} exclusively (never through a link) with {@code permissions} and
     * {@code owner} ({@code null}: the user running this), unless an entry of that name exists.
     *
     * @return whether it was created
     */
    public boolean createIfAbsent(String name, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        Path file = entry(name);
        try {
            directory.newByteChannel(file, CREATE, PosixFilePermissions.asFileAttribute(permissions)).close();
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        if (owner != null) {
            view(file).setOwner(owner);
        }
        return true;
    }

    /**
     * Creates the directory {@code name} here with {@code permissions} and {@code owner} ({@code null}: the user
     * running this) unless an entry of that name exists (which {@link #open} of it then checks).
     *
     * @return whether it was created
     */
    public boolean createDirectoryIfAbsent(String name, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        Path child = entry(name);
        try {
            // mkdir creates no directory through a link at its last component
            Files.createDirectory(path.resolve(child));
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        PosixFileAttributeView view = view(child);
        view.setPermissions(permissions);
        if (owner != null) {
            view.setOwner(owner);
        }
        return true;
    }

    private boolean endsWithLineEnd(Path file) throws IOException {
        try (SeekableByteChannel channel = directory.newByteChannel(file, READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(size - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    private void requireRegular(Path file) throws IOException {
        PosixFileAttributes attributes = attributes(directory, file);
        if (attributes != null && !attributes.isRegularFile()) {
            throw new IOException(TEXTS.format("notRegular", path.resolve(file))); //$NON-NLS-1$
        }
    }

    /** The attributes of the entry {@code name} itself (a link is not followed), or {@code null} if there is none. */
    public PosixFileAttributes attributes(String name) throws IOException {
        return attributes(directory, entry(name));
    }

    /** Renames {@code from} over {@code to}, both in this directory; a link at either name is moved, never followed. */
    public void rename(String from, String to) throws IOException {
        directory.move(entry(from), directory, entry(to));
    }

    /** Removes the entry {@code name} (a link itself, never what it points to); {@code false} if there was none. */
    public boolean delete(String name) throws IOException {
        try {
            directory.deleteFile(entry(name));
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Flushes the directory, so that the renames in it survive a power cut. */
    public void sync() {
        try (SeekableByteChannel channel = directory.newByteChannel(Path.of("."), READ)) { //$NON-NLS-1$
            if (channel instanceof FileChannel file) {
                file.force(true);
            }
        } catch (IOException e) {
            // some file systems cannot open a directory for reading; the rename is still atomic there
        }
    }

    @Override
    public void close() throws IOException {
        directory.close();
    }

    private Path entry(String name) throws IOException {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 //$NON-NLS-1$ //$NON-NLS-2$
                || name.indexOf('\0') >= 0) {
            throw new IOException(TEXTS.format("notAName", name, path)); //$NON-NLS-1$
        }
        return path.getFileSystem().getPath(name);
    }

    private void refuseLink(Path name) throws IOException {
        PosixFileAttributes attributes = attributes(directory, name);
        if (attributes != null && attributes.isSymbolicLink()) {
            throw new IOException(TEXTS.format("fileIsLink", path.resolve(name))); //$NON-NLS-1$
        }
    }

    /**
     * A new, empty, owner-only file: {@code .NAME.tmp} first, so a crash leaves one recognisable leftover per file
     * rather than many, then random names; created exclusively, so an entry planted at a name (a link above all)
     * is never opened.
     */
    private Path createTemporary(String name) throws IOException {
        FileAlreadyExistsException taken = null;
        for (int attempt = 0; attempt < TEMPORARY_NAME_TRIES; attempt++) {
            String suffix = attempt == 0 ? "" : "." + HexFormat.of().toHexDigits(RANDOM.nextLong()); //$NON-NLS-1$ //$NON-NLS-2$
            Path temporary = path.getFileSystem().getPath("." + name + suffix + ".tmp"); //$NON-NLS-1$ //$NON-NLS-2$
            try {
                directory.newByteChannel(temporary, CREATE,
                        PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY)).close();
                return temporary;
            } catch (FileAlreadyExistsException e) {
                taken = e;
            }
        }
        throw new IOException(TEXTS.format("noTemporary", path, name), taken); //$NON-NLS-1$
    }

    private PosixFileAttributeView view(Path name) throws IOException {
        PosixFileAttributeView view = directory.getFileAttributeView(name, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new IOException(TEXTS.format("noPosix", path)); //$NON-NLS-1$
        }
        return view;
    }

    private void deleteQuietly(Path name) {
        try {
            directory.deleteFile(name);
        } catch (IOException e) {
            // the write failed already; a leftover temporary file changes nothing for the target
        }
    }

    private static PosixFileAttributes attributes(SecureDirectoryStream<Path> in, Path name) throws IOException {
        PosixFileAttributeView view = in.getFileAttributeView(name, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return view.readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static SecureDirectoryStream<Path> secure(DirectoryStream<Path> stream, Path directory)
            throws IOException {
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return secure;
        }
        stream.close();
        throw new IOException(TEXTS.format("notSecure", directory)); //$NON-NLS-1$
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}
