package org.certbench.notify.internal;

/** A URL in a refusal, which is printed and logged: its path is often a token (Slack's is). */
public final class ShownAddress {

    private ShownAddress() {
    }

    /**
     * What an administrator typed, shown as scheme://host/… only: the path of a webhook URL is often its token (Slack's
     * is), and a refusal is printed and logged. Works on text that is not a URL at all.
     */
    public static String of(String address) {
        int scheme = address.indexOf("://"); //$NON-NLS-1$
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) { //$NON-NLS-1$
            end++;
        }
        String authority = address.substring(start, end);
        // user:password@ is a secret too
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        String shown = address.substring(0, start) + host;
        return end < address.length() ? shown + "/\u2026" : shown; //$NON-NLS-1$
    }
}
