package org.certbench.expiry.ui.internal;

import java.time.Duration;
import java.time.Instant;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ExpiryRow;
import org.certbench.testing.pki.PkiFixtures;

/** Overview rows of real certificates expiring at a given time from a fixed "now". */
final class Rows {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private Rows() {
    }

    static ExpiryRow row(String kind, String name, Duration fromNow) {
        return row(kind, name, "CN=" + name, fromNow, null);
    }

    static ExpiryRow row(String kind, String name, String subject, Duration fromNow, Instant asOf) {
        Instant notAfter = NOW.plus(fromNow);
        byte[] der = PkiFixtures.certificate(subject).key(PkiFixtures.ec())
                .validity(notAfter.minus(Duration.ofDays(400)), notAfter).build();
        try {
            return ExpiryRow.of(kind, name, name, name + ".example:443", Certificate.fromDer(der, name), asOf, NOW);
        } catch (CertBenchCryptoException e) {
            throw new AssertionError(e);
        }
    }
}
