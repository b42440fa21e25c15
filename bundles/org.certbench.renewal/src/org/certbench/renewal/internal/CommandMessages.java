package org.certbench.renewal.internal;

import org.eclipse.osgi.util.NLS;

/** The renewal commands' words (one field per key of commandmessages.properties). */
public final class CommandMessages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.renewal.internal.commandmessages"; //$NON-NLS-1$

    public static String Policy_shown;
    public static String Renew_failed;
    public static String Renew_line;
    public static String Renew_renewed;
    public static String Renew_whichAgents;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CommandMessages.class);
    }

    private CommandMessages() {
    }
}
