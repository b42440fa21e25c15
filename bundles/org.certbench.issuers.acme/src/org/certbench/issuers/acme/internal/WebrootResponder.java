package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.certbench.core.LinkSafeDirectory;
import org.certbench.issuers.Challenge;
import org.certbench.issuers.ChallengeResponder;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * Answers {@code http-01} by writing the key authorisation to {@code WEBROOT/.well-known/acme-challenge/TOKEN}, which
 * the host's web server serves. CertBench may run as root and the web root may belong to the web site's user, so
 * every step below the web root goes through {@link LinkSafeDirectory}: a link planted at {@code .well-known}, at
 * {@code acme-challenge} or at the token's name is refused, never followed. Directories made are 0755, files 0644:
 * the web server's user must read them.
 */
final class WebrootResponder implements ChallengeResponder {

    static final String HTTP_01 = "http-01"; //$NON-NLS-1$
    private static final String WELL_KNOWN = ".well-known"; //$NON-NLS-1$
    private static final String ACME_CHALLENGE = "acme-challenge"; //$NON-NLS-1$
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x"); //$NON-NLS-1$
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--"); //$NON-NLS-1$

    private final Path webroot;

    WebrootResponder(Path webroot) {
        this.webroot = webroot.toAbsolutePath().normalize();
    }

    Path webroot() {
        return webroot;
    }

    @Override
    public boolean supports(String type) {
        return HTTP_01.equals(type);
    }

    @Override
    public void deploy(Challenge challenge) throws IssuerException {
        Tokens.requireToken(challenge.token());
        try (LinkSafeDirectory tokens = openChallengeDirectory(true)) {
            tokens.write(challenge.token(), challenge.content().getBytes(StandardCharsets.US_ASCII), FILE, null,
                    false);
        } catch (IOException e) {
            throw new IssuerException(Reason.REFUSED, NLS.bind(Messages.Webroot_notWritten,
                    challengeDirectory().resolve(challenge.token()), e.getMessage()), e);
        }
    }

    @Override
    public void cleanUp(Challenge challenge) {
        if (!Tokens.isToken(challenge.token())) {
            return;
        }
        try (LinkSafeDirectory tokens = openChallengeDirectory(false)) {
            if (tokens != null) {
                tokens.delete(challenge.token());
            }
        } catch (IOException e) {
            System.getLogger(WebrootResponder.class.getName()).log(System.Logger.Level.WARNING,
                    NLS.bind(Messages.Webroot_notRemoved, challengeDirectory().resolve(challenge.token()),
                            e.getMessage()), e);
        }
    }

    /**
     * Opens {@code .well-known/acme-challenge} one level at a time, each from the level above as it is open, never
     * again by path: a level swapped for a link between its check and its open is refused, not followed.
     *
     * @param create whether missing levels are made (0755); if not, null when one is missing
     */
    private LinkSafeDirectory openChallengeDirectory(boolean create) throws IOException {
        if (!create && !Files.isDirectory(webroot)) {
            return null;
        }
        try (LinkSafeDirectory root = LinkSafeDirectory.open(webroot);
                LinkSafeDirectory wellKnown = level(root, WELL_KNOWN, create)) {
            return wellKnown == null ? null : level(wellKnown, ACME_CHALLENGE, create);
        }
    }

    private static LinkSafeDirectory level(LinkSafeDirectory parent, String name, boolean create)
            throws IOException {
        if (create) {
            parent.createDirectoryIfAbsent(name, DIRECTORY, null);
        }
        PosixFileAttributes attributes = parent.attributes(name);
        if (attributes == null) {
            return null;
        }
        if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
            throw new IOException(NLS.bind(Messages.Webroot_notDirectory, parent.path().resolve(name)));
        }
        return parent.openDirectory(name);
    }

    private Path challengeDirectory() {
        return webroot.resolve(WELL_KNOWN).resolve(ACME_CHALLENGE);
    }
}
