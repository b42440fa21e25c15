package org.certbench.core;

/**
 * Which characters of text from elsewhere (a client, an agent, a certificate) must not reach a log line, a
 * terminal or a dialog as they are: they could start a line of their own, move the cursor, or reverse what a
 * reader sees. The one rule for the agent's log and the console's messages.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** C0 (CR, LF, ESC …), DEL, C1, the Unicode line and paragraph separators, and bidirectional overrides. */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
