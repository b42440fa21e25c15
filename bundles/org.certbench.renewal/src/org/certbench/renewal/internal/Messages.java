package org.certbench.renewal.internal;

import org.eclipse.osgi.util.NLS;

/** Renewal's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.renewal.internal.messages"; //$NON-NLS-1$

    public static String Due_due;
    public static String Due_expired;
    public static String Due_notYet;
    public static String Due_rule;
    public static String Kind_agent;
    public static String Kind_canceled;
    public static String Kind_issuerAnswer;
    public static String Kind_issuerFailed;
    public static String Kind_issuerRefused;
    public static String Kind_notApplied;
    public static String Kind_target;
    public static String Policy_badValue;
    public static String Policy_badKeyType;
    public static String Renew_failedKind;
    public static String Renew_forced;
    public static String Renew_noIssuer;
    public static String Renew_notOwn;
    public static String Renew_notTrusted;
    public static String Renew_selfSignedNotOwn;
    public static String Source_failed;
    public static String Source_noSigner;
    public static String Run_busy;
    public static String Run_failedMessage;
    public static String Run_hostFailedMessage;
    public static String Host_noIssuer;
    public static String Host_notConfigured;
    public static String Host_noCertificate;
    public static String Run_waiting;
    public static String Run_renewedWithNote;
    public static String Settings_cannotRead;
    public static String Settings_cannotWrite;
    public static String Settings_malformed;
    public static String Settings_notRegular;
    public static String Settings_readAgain;
    public static String Span_days;
    public static String Span_hours;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
