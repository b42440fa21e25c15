package org.certbench.notify.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The words of Settings > Notifications (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.notify.ui.internal.messages"; //$NON-NLS-1$

    public static String Dialog_title;
    public static String Dialog_heading;
    public static String Dialog_description;
    public static String Column_name;
    public static String Column_kind;
    public static String Column_target;
    public static String Column_secret;
    public static String Column_waiting;
    public static String Column_failure;
    public static String Secret_set;
    public static String Secret_none;
    public static String Button_addEmail;
    public static String Button_addWebhook;
    public static String Button_remove;
    public static String Button_test;
    public static String Job_load;
    public static String Job_save;
    public static String Job_remove;
    public static String Job_test;
    public static String Testing;
    public static String Removed;
    public static String Add_emailTitle;
    public static String Add_webhookTitle;
    public static String Add_description;
    public static String Add_save;
    public static String Field_name;
    public static String Field_to;
    public static String Field_from;
    public static String Field_server;
    public static String Field_security;
    public static String Field_user;
    public static String Field_passwordFile;
    public static String Field_url;
    public static String Field_format;
    public static String Field_auth;
    public static String Field_secretFile;
    public static String Auth_none;
    public static String Auth_header;
    public static String Auth_hmac;
    public static String Bad_server;
    public static String Bad_url;
    public static String Field_timeout;
    public static String Bad_timeout;

    public static String Bad_emailTimeout;
    public static String Field_runbook;
    public static String Hint_runbook;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
