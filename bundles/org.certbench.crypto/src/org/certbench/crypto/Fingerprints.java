package org.certbench.crypto;

import java.util.Locale;
import java.util.Optional;

import org.certbench.crypto.internal.DisplayFormats;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * SHA-256 fingerprints, the one home of their forms. An administrator sees upper-case hex pairs separated by
 * colons ({@code AB:CD:…}, as {@code openssl x509 -fingerprint} and browsers show them) and may type or paste one
 * with or without colons or spaces, in either case. Stored forms keep their published spelling: upper-case digits
 * without separators name the agent's and the fleet's certificate files, lower-case ones are the trust store's ids.
 * <p>
 * Stateless; every method may be called from any thread. {@code null} is refused with a
 * {@link NullPointerException} unless a method says otherwise.
 */
public final class Fingerprints {

    private static final int SHA256_DIGITS = 64;

    private Fingerprints() {
    }

    /** The SHA-256 fingerprint of {@code data} as an administrator sees it: {@code AB:CD:…}, upper case. */
    public static String sha256(byte[] data) {
        return DisplayFormats.colonHex(SummaryFactory.digest("SHA-256", data)); //$NON-NLS-1$
    }

    /**
     * A SHA-256 fingerprint as typed or pasted (colons, spaces, surrounding blanks and case do not matter) as its
     * 64 upper-case hex digits without separators.
     *
     * @return empty when {@code typed} is {@code null} or no SHA-256 fingerprint
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = digits(typed).toUpperCase(Locale.ROOT);
        return digits.length() == SHA256_DIGITS && firstNonHex(digits) < 0 ? Optional.of(digits) : Optional.empty();
    }

    /**
     * Like {@link #normalise}, but a text that is no SHA-256 fingerprint is refused in words: which character is
     * no hex digit, or how many digits it has.
     *
     * @throws InvalidRequestException with {@link CryptoErrorCode#FINGERPRINT_NOT_HEX} or
     *                                 {@link CryptoErrorCode#FINGERPRINT_LENGTH}
     */
    public static String parseSha256(String typed) throws InvalidRequestException {
        String digits = digits(typed);
        int bad = firstNonHex(digits);
        if (bad >= 0) {
            throw new InvalidRequestException(CryptoErrorCode.FINGERPRINT_NOT_HEX, typed.strip(),
                    String.valueOf(digits.charAt(bad)));
        }
        if (digits.length() != SHA256_DIGITS) {
            throw new InvalidRequestException(CryptoErrorCode.FINGERPRINT_LENGTH, typed.strip(), digits.length());
        }
        return digits.toUpperCase(Locale.ROOT);
    }

    /** Hex digits (of a {@link #normalise normalised} fingerprint, say) in the form shown: {@code AB:CD:…}. */
    public static String shown(String hexDigits) {
        StringBuilder text = new StringBuilder(hexDigits.length() * 3 / 2);
        for (int i = 0; i < hexDigits.length(); i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hexDigits, i, Math.min(i + 2, hexDigits.length()));
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * A fingerprint, or the start of one typed to find it, in lower case without colons or spaces: the trust
     * store's id form (published: file names, {@code ca:list}). Not checked: a prefix is any text.
     */
    public static String lowerHex(String fingerprintOrPrefix) {
        return digits(fingerprintOrPrefix).toLowerCase(Locale.ROOT);
    }

    private static String digits(String typed) {
        return typed.strip().replace(":", "").replace(" ", ""); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
    }

    private static int firstNonHex(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            // ASCII only: Character.digit also takes other scripts' digits, which no fingerprint contains
            if (c > 'f' || Character.digit(c, 16) < 0) {
                return i;
            }
        }
        return -1;
    }
}
