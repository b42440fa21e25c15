package org.certbench.truststore.ui.internal;

import java.util.Locale;
import java.util.Optional;

import org.certbench.crypto.Fingerprints;
import org.certbench.truststore.CaEntry;

/**
 * Which CAs the CA view's filter shows: those whose name or issuer's name contains the filter, and, when the filter
 * is nothing but hex digits and separators, those whose SHA-256 fingerprint starts with those digits. A filter
 * with other characters ("de ca x") or no digit at all (":") is only looked for in the names: it is no fingerprint,
 * and the empty prefix would match every row.
 */
final class CaFilter {

    private CaFilter() {
    }

    /** @param filter in lower case, as the table's rows hand it over */
    static boolean matches(CaEntry entry, String filter) {
        if (entry.commonName().toLowerCase(Locale.ROOT).contains(filter)
                || entry.certificate().issuerCommonName().toLowerCase(Locale.ROOT).contains(filter)) {
            return true;
        }
        Optional<String> digits = Fingerprints.sha256Prefix(filter);
        return digits.isPresent() && entry.id().toUpperCase(Locale.ROOT).startsWith(digits.get());
    }
}
