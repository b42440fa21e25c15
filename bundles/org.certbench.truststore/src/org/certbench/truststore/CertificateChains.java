package org.certbench.truststore;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The path from a certificate to its root, as the Chain tab of a details view shows it (since 1.2). An OSGi service
 * of this bundle; it reads the CA certificates of the {@link TrustStore}.
 */
@ProviderType
public interface CertificateChains {

    /** The longest path followed: a loop or an absurd chain stops there. */
    int MAX_LENGTH = 10;

    /**
     * The path from {@code certificate} up to a self-signed root: {@code certificate} first, then its issuer, that
     * one's issuer and so on. An issuer is looked for among {@code presented} (e.g. the chain a server sent) first,
     * then among the CA certificates in the store: a certificate whose subject is the issuer's name and whose key
     * verifies the signature. The path ends at a self-signed certificate, where no issuer is found, or after
     * {@link #MAX_LENGTH} elements. Each element says whether it is in the store, has expired and how its signature
     * was checked.
     *
     * @param certificate the certificate whose path is wanted
     * @param presented   further certificates that may be issuers (none: {@code List.of()})
     * @return the path, never empty
     */
    List<ChainLink> pathOf(Certificate certificate, List<Certificate> presented);
}
