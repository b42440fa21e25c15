package org.certbench.agents.connector.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.certbench.agents.connector.RevocationStatus;
import org.certbench.crypto.Certificate;

/** The {@link RevocationStatus} services present now (they come and go with the issuers' bundle). */
final class Revocations {

    private final List<RevocationStatus> services = new CopyOnWriteArrayList<>();

    void add(RevocationStatus service) {
        services.add(service);
    }

    void remove(RevocationStatus service) {
        services.remove(service);
    }

    /** {@return when one of the services says the certificate was revoked} */
    Optional<Instant> revokedAt(Certificate certificate) {
        for (RevocationStatus service : services) {
            Optional<Instant> revoked;
            try {
                revoked = service.revokedAt(certificate);
            } catch (RuntimeException broken) {
                // a service that breaks its promise not to throw revokes nothing, and breaks no handshake
                continue;
            }
            if (revoked != null && revoked.isPresent()) {
                return revoked;
            }
        }
        return Optional.empty();
    }
}
