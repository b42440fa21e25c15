package org.certbench.expiry.internal.commands;

import java.time.Instant;
import java.util.Locale;

import org.certbench.expiry.ExpiryRow;

/** A line of {@code expiry:list}, what the Expiry view shows, for text, {@code --json} and {@code --csv}. */
public record ExpiryLine(String kind, String name, String status, long daysLeft, Instant notAfter, Instant notBefore,
        String subject, String issuer, Instant asOf, String usedAt, String id, String sha256) {

    static ExpiryLine of(ExpiryRow row) {
        return new ExpiryLine(row.kind(), row.name(), row.urgency().name().toLowerCase(Locale.ROOT), row.daysLeft(),
                row.notAfter(), row.notBefore(), row.subject(), row.issuer(), row.asOf(), row.usedAt(), row.id(),
                row.certificate().sha256Fingerprint());
    }
}
