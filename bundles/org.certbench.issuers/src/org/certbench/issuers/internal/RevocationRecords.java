package org.certbench.issuers.internal;

import java.time.Instant;
import java.util.Optional;

import org.certbench.crypto.Certificate;

/** An issuer of this console that keeps what it revoked, so the console can refuse those certificates. */
interface RevocationRecords {

    /** {@return when this issuer revoked the certificate, if it issued and revoked it}; cheap, asked per handshake */
    Optional<Instant> revokedAt(Certificate certificate);
}
