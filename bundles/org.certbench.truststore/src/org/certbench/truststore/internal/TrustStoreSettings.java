package org.certbench.truststore.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.eclipse.osgi.util.NLS;

/**
 * The trust store's preferences, read once from {@code <home>/truststore.properties}:
 * {@code expiry.warning.days} (default {@code 90,30,7,1}) and {@code expiry.check.interval} (ISO-8601,
 * default {@code PT24H}; the system property {@code certbench.truststore.expiryCheckInterval} wins, for tests).
 * A bad value is reported and replaced by its default. The expiry check itself is the expiry bundle's now: it takes
 * {@code expiry.warning.days} as the default of the CA thresholds ({@code expiry:thresholds}) and checks every
 * {@code certbench.expiry.checkInterval}; these values are kept here only so that a home's file is still reported
 * when it is wrong.
 */
record TrustStoreSettings(List<Integer> warningDays, Duration checkInterval, List<String> problems) {

    static final List<Integer> DEFAULT_WARNING_DAYS = List.of(90, 30, 7, 1);
    static final Duration DEFAULT_INTERVAL = Duration.ofHours(24);
    static final String INTERVAL_PROPERTY = "certbench.truststore.expiryCheckInterval"; //$NON-NLS-1$

    static TrustStoreSettings load(Path file) {
        Properties properties = new Properties();
        List<String> problems = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            // no preferences: the defaults
        } catch (IOException | IllegalArgumentException e) {
            problems.add(NLS.bind(Messages.Settings_unreadable, file, e.getMessage()));
        }
        List<Integer> days = warningDays(properties.getProperty("expiry.warning.days"), file, problems); //$NON-NLS-1$
        String interval = System.getProperty(INTERVAL_PROPERTY, properties.getProperty("expiry.check.interval")); //$NON-NLS-1$
        return new TrustStoreSettings(days, interval(interval, file, problems), problems);
    }

    private static List<Integer> warningDays(String value, Path file, List<String> problems) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WARNING_DAYS;
        }
        try {
            List<Integer> days = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf) //$NON-NLS-1$
                    .distinct().sorted().toList();
            if (days.stream().anyMatch(day -> day < 0)) {
                throw new NumberFormatException("negative days"); //$NON-NLS-1$
            }
            return days;
        } catch (NumberFormatException e) {
            problems.add(NLS.bind(Messages.Settings_invalid, new Object[] { "expiry.warning.days=" + value, file, //$NON-NLS-1$
                    "a comma-separated list of whole days is expected" })); //$NON-NLS-1$
            return DEFAULT_WARNING_DAYS;
        }
    }

    private static Duration interval(String value, Path file, List<String> problems) {
        if (value == null || value.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        try {
            Duration interval = Duration.parse(value.strip());
            if (interval.isNegative() || interval.isZero()) {
                throw new DateTimeParseException("not positive", value, 0); //$NON-NLS-1$
            }
            return interval;
        } catch (DateTimeParseException e) {
            problems.add(NLS.bind(Messages.Settings_invalid, new Object[] { "expiry.check.interval=" + value, file, //$NON-NLS-1$
                    "a positive ISO-8601 duration such as PT24H is expected" })); //$NON-NLS-1$
            return DEFAULT_INTERVAL;
        }
    }
}
