package org.certbench.truststore.internal.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CaStatus;

/** A line of {@code ca:list}. */
public record CaRow(String id, String commonName, String issuer, LocalDate validFrom, LocalDate expiresOn,
        String status) {

    static CaRow of(CaEntry entry, Instant now) {
        return new CaRow(entry.id(), entry.commonName(), entry.certificate().issuerCommonName(),
                LocalDate.ofInstant(entry.certificate().notBefore(), ZoneOffset.UTC),
                LocalDate.ofInstant(entry.certificate().notAfter(), ZoneOffset.UTC), CaStatus.of(entry, now).text());
    }
}
