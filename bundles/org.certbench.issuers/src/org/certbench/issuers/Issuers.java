package org.certbench.issuers;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certbench.crypto.Certificate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The issuers this console knows: its own {@code local} CA, the {@code command} issuers configured in its home,
 * and every {@link Issuer} service plug-ins register. An OSGi service CertBench provides; plug-ins call it and
 * must not implement it. Safe for use from any thread; configuration changes are made under the home's lock and
 * seen by every process on the home.
 */
@ProviderType
public interface Issuers {

    /** {@return every issuer, sorted by name} */
    List<Issuer> list();

    /**
     * {@return the issuer of that name}
     *
     * @param name an issuer's name
     * @throws IssuerException ({@link IssuerException.Reason#REFUSED}) naming the known issuers, if there is none
     */
    Issuer get(String name) throws IssuerException;

    /**
     * {@return the one of this console's issuers that issued the certificate (its signature verifies with one of
     * the issuer's CA certificates), or empty}
     *
     * @param certificate any certificate
     */
    Optional<Issuer> issuerOf(Certificate certificate);

    /**
     * {@return when the certificate was revoked, if one of this console's issuers revoked it}
     *
     * @param certificate any certificate
     */
    Optional<Instant> revokedAt(Certificate certificate);

    /**
     * Configures a {@code command} issuer: a program, run without a shell, that signs {@code {csr}} into
     * {@code {cert}} (the two placeholders stand for files in a private temporary directory).
     *
     * @param name the new issuer's name; an existing command issuer of that name is replaced
     * @param caCertificate the CA certificate the program's certificates chain to
     * @param program the program's absolute path or name on the PATH, then its arguments
     * @return the issuer
     * @throws IssuerException if the name is taken by another kind of issuer, the program or arguments are not
     *         acceptable (no {@code {csr}} or {@code {cert}}), or the configuration cannot be written
     */
    Issuer addCommand(String name, Certificate caCertificate, List<String> program) throws IssuerException;

    /**
     * Removes a configured {@code command} issuer, or an issuer that is {@link Issuer#removable()} (an ACME
     * issuer: its configuration and account key; its account at the CA is left).
     *
     * @param name its name
     * @throws IssuerException if there is none of that name, or it is neither a command issuer nor removable (the
     *         local CA and plug-ins' issuers are not removed here)
     */
    void remove(String name) throws IssuerException;

    /**
     * Writes the issuer's CA certificates as PEM to a file (replaced atomically, never following a link).
     *
     * @param name an issuer's name
     * @param file where to write
     * @throws IssuerException if there is no such issuer, it has no CA certificate yet, or writing fails
     */
    void exportCaCertificates(String name, Path file) throws IssuerException;

    /**
     * Re-signs the revocation list of every issuer of this console that keeps one, where it is due (before its
     * nextUpdate). The workbench does it daily while open; {@code renewal:run} does it on every run, for homes where
     * no workbench stays open. Every issuer is tried even when one fails.
     *
     * @throws IssuerException if a list that was due could not be signed or written (the first such failure)
     * @since 1.1
     */
    void refreshRevocationLists() throws IssuerException;
}
