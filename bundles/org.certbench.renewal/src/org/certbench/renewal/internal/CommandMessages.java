package org.certbench.renewal.internal;

import org.eclipse.osgi.util.NLS;

/** The renewal commands' words (one field per key of commandmessages.properties). */
public final class CommandMessages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.renewal.internal.commandmessages"; //$NON-NLS-1$

    public static String Policy_badKind;
    public static String Policy_badRekey;
    public static String Policy_badKeyType;
    public static String Policy_keyTypeForAgents;
    public static String Policy_badRule;
    public static String Policy_keepKey;
    public static String Policy_noIssuer;
    public static String Policy_rekey;
    public static String Policy_shown;
    public static String Renew_failed;
    public static String Renew_line;
    public static String Renew_renewed;
    public static String Renew_renewedWithNote;
    public static String Renew_whichAgents;
    public static String HostRenew_failed;
    public static String HostRenew_renewed;
    public static String HostRenew_whichTargets;
    public static String Run_failed;
    public static String Run_line;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CommandMessages.class);
    }

    private CommandMessages() {
    }
}
