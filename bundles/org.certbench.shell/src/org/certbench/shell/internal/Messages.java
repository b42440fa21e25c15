package org.certbench.shell.internal;

import org.eclipse.osgi.util.NLS;

/** The shell's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.shell.internal.messages"; //$NON-NLS-1$

    public static String Shell_banner;
    public static String Shell_consoleUnreadable;
    public static String Shell_noProcessor;
    public static String Shell_unknownOption;
    public static String Shell_jsonOrCsv;
    public static String Shell_notATable;
    public static String Error_noSuchCommand;
    public static String Error_wrongArguments;
    public static String Error_wrongArgumentsUsage;
    public static String Error_undefinedVariable;
    public static String Error_syntax;
    public static String Error_unexpected;
    public static String Error_noReason;
    public static String Error_failedBecause;
    public static String Error_notEvaluated;
    public static String Error_notEvaluatedUnexplained;
    public static String Error_runaway;
    public static String Help_gogoCommand;
    public static String Audit_badSince;
    public static String Audit_unreadable;
    public static String Help_noDescription;
    public static String Help_noSuchCommand;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
