package org.certbench.expiry.internal;

import org.eclipse.osgi.util.NLS;

/** The expiry bundle's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.expiry.internal.messages"; //$NON-NLS-1$

    public static String Source;
    public static String Source_ca;
    public static String Source_host;
    public static String Source_agent;
    public static String Name_ca;
    public static String Name_host;
    public static String Name_agent;
    public static String Name_other;
    public static String UsedAt_ca;
    public static String UsedAt_host;
    public static String Todo_ca;
    public static String Todo_host;
    public static String Todo_agent;
    public static String Todo_other;
    public static String Todo_selfSigned;
    public static String Expired;
    public static String ExpiresSoon;
    public static String Left_days;
    public static String Left_hours;
    public static String SelfSigned_summary;
    public static String SelfSigned_more;
    public static String Contributor_badKind;
    public static String Contributor_failed;
    public static String Contributor_null;
    public static String Host_failed;
    public static String Agents_refreshFailed;
    public static String Thresholds_badKind;
    public static String Thresholds_badDays;
    public static String Thresholds_cannotWrite;
    public static String Thresholds_unreadable;
    public static String Check_runFailed;
    public static String Within_bad;
    public static String Summary_expires;
    public static String Summary_expired;
    public static String Kind_host;
    public static String Kind_agent;
    public static String Kind_other;
    public static String Metrics_notAfter;
    public static String Metrics_notBefore;
    public static String Metrics_trusted;
    public static String Metrics_reachable;
    public static String Metrics_lastRefresh;
    public static String Metrics_refreshUnknown;
    public static String Metrics_notProm;
    public static String Metrics_cannotWrite;
    public static String Metrics_written;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
