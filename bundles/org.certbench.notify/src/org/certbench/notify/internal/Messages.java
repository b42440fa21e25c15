package org.certbench.notify.internal;

import org.eclipse.osgi.util.NLS;

/** The notifications bundle's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.notify.internal.messages"; //$NON-NLS-1$

    public static String Source;
    public static String Name_bad;
    public static String Unknown;
    public static String Email_noRecipient;
    public static String Email_badAddress;
    public static String Email_badServer;
    public static String Email_plainNotLoopback;
    public static String Email_userWithoutPassword;
    public static String Email_target;
    public static String Email_failed;
    public static String Email_subject;
    public static String Email_subjectOne;
    public static String Email_intro;
    public static String Email_more;
    public static String Email_testSubject;
    public static String Email_testBody;
    public static String Email_testSent;
    public static String Webhook_notHttps;
    public static String Webhook_secretMissing;
    public static String Webhook_failedStatus;
    public static String Webhook_failed;
    public static String Webhook_timedOut;
    public static String Webhook_testSent;
    public static String Webhook_testText;
    public static String Webhook_slackHeader;
    public static String Secret_unreadable;
    public static String Secret_empty;
    public static String Secret_badHeader;
    public static String Store_unreadable;
    public static String Store_unwritable;
    public static String Delivery_failed;
    public static String Delivery_removedChannel;
    public static String Delivery_secretMissing;
    public static String Delivery_broken;
    public static String Delivery_background;
    public static String Outbox_unreadable;
    public static String Reason_refused;
    public static String Reason_unknownHost;
    public static String Cmd_unknownOption;
    public static String Cmd_missingValue;
    public static String Cmd_missing;
    public static String Cmd_badFormat;
    public static String Cmd_headerAndSecret;
    public static String Cmd_removed;
    public static String Cmd_added;
    public static String Cmd_badUrl;
    public static String Cmd_securityConflict;
    public static String Count_newMessages;
    public static String Count_errors;
    public static String Count_warnings;
    public static String Count_messages;
    public static String Count_moreMessages;
    public static String Count_seconds;
    public static String Webhook_badTimeout;
    public static String Email_timedOut;
    public static String Email_badTimeout;
    public static String Stop_sendUnfinished;
    public static String Email_noStartTls;

    public static String Count_moreCertificates;
    public static String Runbook_bad;
    public static String Runbook_line;
    public static String Summary_line;
    public static String Summary_more;
    public static String Summary_daysLeft;
    public static String Summary_unknownDays;
    public static String Slack_runbook;
    public static String Slack_certificates;
    public static String Cmd_urlFileAndUrl;
    public static String UrlFile_notUrl;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
