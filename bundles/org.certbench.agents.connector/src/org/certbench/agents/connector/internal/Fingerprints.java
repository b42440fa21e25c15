package org.certbench.agents.connector.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 fingerprints as administrators type them: with or without colons or spaces, any case. */
final class Fingerprints {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}"); //$NON-NLS-1$

    private Fingerprints() {
    }

    /** Upper-case hex without separators, or {@code null} when {@code text} is no SHA-256 fingerprint. */
    static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.replace(":", "").replace(" ", "").strip().toUpperCase(Locale.ROOT); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        return SHA256_HEX.matcher(hex).matches() ? hex : null;
    }

    /** {@link #normalise normalised} hex in the form fingerprints are shown: pairs separated by colons. */
    static String colonHex(String hex) {
        StringBuilder text = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hex, i, i + 2);
        }
        return text.toString();
    }
}
