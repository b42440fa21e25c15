package org.certbench.truststore.ui.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CaStatus;

/** The columns of the CA certificates table: title, width, text and sort order. */
enum CaColumn {

    COMMON_NAME(Messages.Column_commonName, 220, (entry, now) -> entry.commonName(), null),
    ISSUER(Messages.Column_issuer, 200, (entry, now) -> entry.certificate().issuerCommonName(), null),
    VALID_FROM(Messages.Column_validFrom, 100, (entry, now) -> day(entry.certificate().notBefore()),
            entry -> entry.certificate().notBefore()),
    EXPIRES_ON(Messages.Column_expiresOn, 100, (entry, now) -> day(entry.certificate().notAfter()),
            entry -> entry.certificate().notAfter()),
    STATUS(Messages.Column_status, 140, (entry, now) -> CaStatus.of(entry, now).text(),
            entry -> entry.certificate().notAfter()),
    SHA256(Messages.Column_sha256, 420, (entry, now) -> entry.certificate().sha256Fingerprint(), null);

    final String title;
    final int width;
    private final BiFunction<CaEntry, Instant, String> text;
    private final Function<CaEntry, Instant> time;

    CaColumn(String title, int width, BiFunction<CaEntry, Instant, String> text, Function<CaEntry, Instant> time) {
        this.title = title;
        this.width = width;
        this.text = text;
        this.time = time;
    }

    String text(CaEntry entry, Instant now) {
        return text.apply(entry, now);
    }

    /** Dates sort as dates, the rest as text ignoring case. */
    Comparator<CaEntry> order(Instant now) {
        Comparator<CaEntry> primary = time != null ? Comparator.comparing(time)
                : Comparator.comparing(entry -> text(entry, now).toLowerCase(Locale.ROOT));
        return primary.thenComparing(CaEntry::id);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
