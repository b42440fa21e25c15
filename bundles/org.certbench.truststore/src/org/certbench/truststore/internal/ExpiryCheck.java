package org.certbench.truststore.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.truststore.CaEntry;
import org.eclipse.osgi.util.NLS;

/**
 * Posts one system message per expired CA certificate, and one per certificate and warning threshold crossed
 * (90, 30, 7, 1 days by default) — the most urgent one only when a check crosses several at once. The
 * messages' keys make later checks that see the same condition post nothing.
 */
final class ExpiryCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final SystemMessages messages;
    private final List<Integer> thresholds;
    private final Clock clock;

    ExpiryCheck(SystemMessages messages, List<Integer> thresholdDays, Clock clock) {
        this.messages = messages;
        // the most urgent threshold first: a check that crosses several posts only that one
        this.thresholds = thresholdDays.stream().sorted().toList();
        this.clock = clock;
    }

    /** @return how many new messages were posted */
    int run(Collection<CaEntry> entries) {
        Instant now = clock.instant();
        Set<String> known = new HashSet<>();
        for (SystemMessage message : messages.list()) {
            if (message.key() != null) {
                known.add(message.key());
            }
        }
        int posted = 0;
        for (CaEntry entry : entries) {
            String fingerprint = entry.certificate().sha256Fingerprint();
            String day = DAY.format(entry.certificate().notAfter());
            if (now.isAfter(entry.certificate().notAfter())) {
                posted += post(known, "truststore.expired:" + entry.id(), Severity.ERROR, //$NON-NLS-1$
                        NLS.bind(Messages.Expiry_expired, new Object[] { entry.commonName(), day, fingerprint }));
                continue;
            }
            long daysLeft = Duration.between(now, entry.certificate().notAfter()).toDays();
            for (int threshold : thresholds) {
                if (daysLeft <= threshold) {
                    posted += post(known, "truststore.expires:" + entry.id() + ":" + threshold, Severity.WARNING, //$NON-NLS-1$ //$NON-NLS-2$
                            NLS.bind(Messages.Expiry_expiresSoon,
                                    new Object[] { entry.commonName(), day, daysLeft, fingerprint }));
                    break;
                }
            }
        }
        return posted;
    }

    private int post(Set<String> known, String key, Severity severity, String text) {
        if (!known.add(key)) {
            return 0;
        }
        messages.post(severity, Messages.Source, text, key);
        return 1;
    }
}
