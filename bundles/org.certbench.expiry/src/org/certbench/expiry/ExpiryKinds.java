package org.certbench.expiry;

import java.util.regex.Pattern;

/** The kinds of certificate CertBench itself knows; a plug-in's kind is any other word of this form. */
public final class ExpiryKinds {

    /** CA certificates of the trust store; a row's {@link ExpiryRow#id()} is the CA's id (its fingerprint). */
    public static final String CA = "ca"; //$NON-NLS-1$
    /** Certificates host services serve; a row's id is the service target's id. */
    public static final String HOST = "host"; //$NON-NLS-1$
    /** Agents' certificates; a row's id is the agent's name. */
    public static final String AGENT = "agent"; //$NON-NLS-1$

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,31}"); //$NON-NLS-1$

    private ExpiryKinds() {
    }

    /**
     * Whether {@code kind} is a valid kind: a lower-case word of letters, digits and dashes, starting with a letter,
     * at most 32 characters. {@code null} is not.
     */
    public static boolean isValid(String kind) {
        return kind != null && WORD.matcher(kind).matches();
    }
}
