package org.certbench.crypto;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.certbench.core.ControlCharacters;
import org.certbench.crypto.internal.DisplayFormats;
import org.certbench.crypto.internal.Messages;
import org.certbench.crypto.internal.SummaryFactory;

/**
 * SHA-256 fingerprints, the one home of their forms. An administrator sees upper-case hex pairs separated by
 * colons ({@code AB:CD:…}, as {@code openssl x509 -fingerprint} and browsers show them) and may type or paste one
 * as the tools print it: with or without colons or blanks of any kind, in either case, after the label
 * {@code keytool} or {@code openssl x509 -fingerprint} prints ({@code SHA256:}, {@code SHA-256:},
 * {@code sha256 Fingerprint=}, {@code SHA256 Fingerprint=}). Stored forms keep their published spelling:
 * upper-case digits without separators name the agent's and the fleet's certificate files, lower-case ones are
 * the trust store's ids.
 * <p>
 * Stateless; every method may be called from any thread. {@code null} is refused with a
 * {@link NullPointerException} unless a method says otherwise.
 */
public final class Fingerprints {

    private static final int SHA256_DIGITS = 64;
    /** Enough to recognise what was pasted; a whole pasted file would drown the reason. */
    private static final int ECHOED_CHARACTERS = 80;
    /** As keytool (SHA256:, SHA-256:) and openssl x509 -fingerprint (1.x upper case, 3.x lower case) print them. */
    private static final List<String> LABELS = List.of("SHA256 Fingerprint=", //$NON-NLS-1$
            "sha256 Fingerprint=", "SHA-256:", "SHA256:"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    /** OpenSSH's form after its SHA256: label: the digest in unpadded base64, which is no hex. */
    private static final Pattern OPENSSH_BASE64 = Pattern.compile("[A-Za-z0-9+/]{43}=?"); //$NON-NLS-1$

    private Fingerprints() {
    }

    /** The SHA-256 fingerprint of {@code data} as an administrator sees it: {@code AB:CD:…}, upper case. */
    public static String sha256(byte[] data) {
        return DisplayFormats.colonHex(SummaryFactory.digest("SHA-256", data)); //$NON-NLS-1$
    }

    /**
     * What {@link #parseSha256} reads, or empty where it refuses: the two answer alike for every text.
     *
     * @return empty when {@code typed} is {@code null} or no SHA-256 fingerprint
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseSha256(typed));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    /**
     * A SHA-256 fingerprint as typed or pasted (see the class comment) as its 64 upper-case hex digits without
     * separators; any other text is refused in words: which character is no hex digit, how many digits it has, or
     * that it is OpenSSH's base64 form.
     *
     * @throws InvalidRequestException with {@link CryptoErrorCode#FINGERPRINT_NOT_HEX},
     *                                 {@link CryptoErrorCode#FINGERPRINT_LENGTH} or
     *                                 {@link CryptoErrorCode#FINGERPRINT_BASE64}
     */
    public static String parseSha256(String typed) throws InvalidRequestException {
        String text = stripSeparators(typed);
        String label = LABELS.stream().filter(text::startsWith).findFirst().orElse(""); //$NON-NLS-1$
        String value = stripSeparators(text.substring(label.length()));
        StringBuilder digits = new StringBuilder(SHA256_DIGITS);
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isSeparator(c)) {
                continue;
            }
            if (!isHexDigit(c)) {
                if (!label.isEmpty() && OPENSSH_BASE64.matcher(value).matches()) {
                    throw new InvalidRequestException(CryptoErrorCode.FINGERPRINT_BASE64, echoed(text));
                }
                throw new InvalidRequestException(CryptoErrorCode.FINGERPRINT_NOT_HEX, echoed(text), named(c));
            }
            digits.appendCodePoint(c);
        }
        if (digits.length() != SHA256_DIGITS) {
            throw new InvalidRequestException(CryptoErrorCode.FINGERPRINT_LENGTH, echoed(text), digits.length());
        }
        return digits.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The start of a SHA-256 fingerprint typed to find one (a filter, an id prefix): its upper-case hex digits, the
     * separators removed as {@link #parseSha256} removes them, no label.
     *
     * @return empty when no digit is left, a character is neither digit nor separator, or there are more than 64
     */
    public static Optional<String> sha256Prefix(String typed) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < typed.length();) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            if (isHexDigit(c)) {
                digits.appendCodePoint(c);
            } else if (!isSeparator(c)) {
                return Optional.empty();
            }
        }
        return digits.isEmpty() || digits.length() > SHA256_DIGITS ? Optional.empty()
                : Optional.of(digits.toString().toUpperCase(Locale.ROOT));
    }

    /**
     * The 64 hex digits of a SHA-256 fingerprint (as {@link #parseSha256} returns them) in the form shown:
     * {@code AB:CD:…}.
     *
     * @throws IllegalArgumentException if {@code hexDigits} are not 64 hex digits without separators
     */
    public static String shown(String hexDigits) {
        if (hexDigits.length() != SHA256_DIGITS || !hexDigits.chars().allMatch(Fingerprints::isHexDigit)) {
            throw new IllegalArgumentException(
                    Messages.format("FINGERPRINT_NOT_DIGITS", echoed(hexDigits))); //$NON-NLS-1$
        }
        StringBuilder text = new StringBuilder(SHA256_DIGITS * 3 / 2);
        for (int i = 0; i < SHA256_DIGITS; i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hexDigits, i, i + 2);
        }
        return text.toString().toUpperCase(Locale.ROOT);
    }

    /** What people paste between digits: colons, every kind of blank and line break, zero-width spaces, BOMs. */
    private static boolean isSeparator(int c) {
        return c == ':' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200B || c == 0xFEFF;
    }

    private static String stripSeparators(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSeparator(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSeparator(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    /** ASCII only: Character.digit also takes other scripts' digits, and upper-casing makes FF of U+FB00. */
    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A character a reader can tell apart is quoted; any other is named by its code point. */
    private static String named(int c) {
        return c > ' ' && c < 0x7f ? "'" + (char) c + "'" : codePoint(c); //$NON-NLS-1$ //$NON-NLS-2$
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c); //$NON-NLS-1$
    }

    /** The text as given, shortened, with control characters written as their code points so none takes effect. */
    private static String echoed(String text) {
        boolean shortened = text.codePointCount(0, text.length()) > ECHOED_CHARACTERS;
        String start = shortened ? text.substring(0, text.offsetByCodePoints(0, ECHOED_CHARACTERS)) : text;
        StringBuilder echo = new StringBuilder(start.length() + 8);
        start.codePoints().forEach(c -> {
            if (c <= Character.MAX_VALUE && ControlCharacters.isControl((char) c)) {
                echo.append('<').append(codePoint(c)).append('>');
            } else {
                echo.appendCodePoint(c);
            }
        });
        return shortened ? echo.append('…').toString() : echo.toString();
    }
}
