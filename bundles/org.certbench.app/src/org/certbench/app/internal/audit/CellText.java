package org.certbench.app.internal.audit;

import java.util.regex.Pattern;

/**
 * What a cell of the Audit view's table shows of a longer value, cut with an ellipsis so that an administrator sees
 * it was cut (a table cell is clipped without one); the details below the table show it whole. A SHA-256
 * fingerprint keeps its first six bytes, enough to tell keys apart at a glance.
 */
final class CellText {

    /** What fits the before and after columns. */
    static final int VALUE = 18;
    /** What fits the object column. */
    static final int OBJECT = 24;

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f:]{24,}"); //$NON-NLS-1$
    private static final int FINGERPRINT_PREFIX = 17; // "AB:CD:EF:01:23:45"
    private static final int HEX_PREFIX = 12; // the same six bytes without colons

    private CellText() {
    }

    /** A before or after value: a fingerprint shortened, anything else (settings, a plug-in's version) cut. */
    static String value(String value) {
        if (value == null) {
            return ""; //$NON-NLS-1$
        }
        if (HEX.matcher(value).matches()) {
            return value.substring(0, value.indexOf(':') >= 0 ? FINGERPRINT_PREFIX : HEX_PREFIX) + '…';
        }
        return cut(value, VALUE);
    }

    /** {@code text} on one line, at most {@code max} characters and an ellipsis. */
    static String cut(String text, int max) {
        if (text == null) {
            return ""; //$NON-NLS-1$
        }
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max) + '…';
    }
}
