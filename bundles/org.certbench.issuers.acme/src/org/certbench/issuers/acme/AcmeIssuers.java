package org.certbench.issuers.acme;

import java.net.URI;
import java.util.Optional;

import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Configures ACME issuers in the home ({@code <home>/issuers/NAME.acme} and the account key beside it). An OSGi
 * service CertBench provides (the shell's {@code issuer:acme}, Settings &gt; Issuers); plug-ins call it and must not
 * implement it. Every configured ACME issuer is an {@link Issuer} service, so renewal finds it by name.
 * <p>
 * The ACME server is reached like every outbound HTTPS connection of CertBench: verified against the CA store,
 * through the configured proxy. Methods block for the network; UI code calls them from a Job.
 */
@ProviderType
public interface AcmeIssuers {

    /**
     * {@return the terms of service the ACME server at {@code directory} asks its accounts to agree to, or empty if it
     * names none}; for the "I agree" checkbox before {@link #add}
     *
     * @param directory the server's directory URL
     * @throws IssuerException in words if the directory cannot be read (not trusted, unreachable, not ACME)
     */
    Optional<URI> termsOfService(URI directory) throws IssuerException;

    /**
     * {@return whether the ACME server at {@code directory} registers accounts only with an External Account Binding};
     * for a dialog to ask for the binding in its own words before {@link #add}
     *
     * @param directory the server's directory URL
     * @throws IssuerException in words if the directory cannot be read (not trusted, unreachable, not ACME)
     */
    boolean externalAccountRequired(URI directory) throws IssuerException;

    /**
     * Adds (or replaces) an ACME issuer: reads the server's directory, refuses when its terms of service are not
     * agreed to or its required External Account Binding is missing, makes the account key (EC P-256, file mode
     * 0600) unless the issuer has one, registers the account (or finds the one of that key) and stores it all.
     *
     * @param settings the issuer's name, server, account and challenge settings
     * @return the issuer, as {@link org.certbench.issuers.Issuers#get} will return it
     * @throws IssuerException in words if the name is taken by another kind of issuer, the server refuses the
     *         account, or the configuration cannot be written
     */
    Issuer add(AcmeIssuerSettings settings) throws IssuerException;

    /**
     * Removes an ACME issuer's configuration and its account key (the account stays at the CA).
     *
     * @param name the issuer's name
     * @throws IssuerException if there is no ACME issuer of that name, or its files cannot be removed
     */
    void remove(String name) throws IssuerException;
}
