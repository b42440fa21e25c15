package org.certbench.issuers;

import java.util.List;
import java.util.Objects;

import org.certbench.crypto.Certificate;

/**
 * What an issuer returns: the new certificate and the CA certificates that lead from it towards a root.
 *
 * @param certificate the issued certificate; never null
 * @param chain its issuing CA certificate first, then each next issuer; may be empty, never null; the root may
 *        or may not be included
 */
public record IssuedChain(Certificate certificate, List<Certificate> chain) {

    /** Refuses a null certificate; copies the chain. */
    public IssuedChain {
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }
}
