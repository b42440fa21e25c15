package org.certbench.app.internal.audit;

import java.util.regex.Pattern;

/**
 * Shortens the before and after values of an entry for the table: a SHA-256 fingerprint to its first six bytes
 * (enough to tell keys apart at a glance; the details below the table show it whole), any other value (settings,
 * a plug-in's name and version) to what fits the column.
 */
final class Fingerprints {

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f:]{24,}"); //$NON-NLS-1$
    private static final int FINGERPRINT_PREFIX = 17; // "AB:CD:EF:01:23:45"
    private static final int HEX_PREFIX = 12; // the same six bytes without colons
    private static final int MAX_VALUE = 24;

    private Fingerprints() {
    }

    static String shorten(String value) {
        if (value == null) {
            return ""; //$NON-NLS-1$
        }
        if (HEX.matcher(value).matches()) {
            return value.substring(0, value.indexOf(':') >= 0 ? FINGERPRINT_PREFIX : HEX_PREFIX) + '…';
        }
        String line = value.replace('\n', ' ');
        return line.length() <= MAX_VALUE ? line : line.substring(0, MAX_VALUE) + '…';
    }
}
