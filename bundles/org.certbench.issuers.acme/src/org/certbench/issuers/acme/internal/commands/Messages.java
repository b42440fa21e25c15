package org.certbench.issuers.acme.internal.commands;

import org.eclipse.osgi.util.NLS;

/** Texts of {@code issuer:acme}, from {@code messages.properties}. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.issuers.acme.internal.commands.messages"; //$NON-NLS-1$

    public static String Acme_oneChallenge;
    public static String Acme_eabPair;
    public static String Acme_badUrl;
    public static String Acme_badPort;
    public static String Acme_agreed;
    public static String Acme_noTerms;
    public static String Acme_added;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
