package org.certbench.host.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The Host Certificates UI's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.host.ui.internal.messages"; //$NON-NLS-1$

    public static String Part_service;
    public static String Part_generate;
    public static String Part_upload;
    public static String Part_renew;
    public static String Renew_title;
    public static String Renew_message;
    public static String Renew_issuer;
    public static String Renew_choice;
    public static String Renew_unavailable;
    public static String Renew_noIssuers;
    public static String Part_acme;
    public static String Acme_title;
    public static String Acme_noIssuers;
    public static String Job_renew;
    public static String Done_renewed;
    public static String Part_refresh;
    public static String Part_noTargets;
    public static String Part_loading;
    public static String Part_served;
    public static String Part_nothing;
    public static String Part_notConfigured;
    public static String Part_configure;
    public static String Field_warning;
    public static String Generate_title;
    public static String Generate_question;
    public static String Generate_save;
    public static String Upload_title;
    public static String Upload_message;
    public static String Upload_certificate;
    public static String Upload_key;
    public static String Upload_noCertificate;
    public static String Upload_noKey;
    public static String Upload_checking;
    public static String Upload_refused;
    public static String Job_show;
    public static String Job_generate;
    public static String Job_upload;
    public static String Job_details;
    public static String Done_title;
    public static String Done_applied;
    public static String Error_title;
    public static String Canceled_title;
    public static String Settings_title;
    public static String Settings_message;
    public static String Settings_service;
    public static String Settings_save;
    public static String Settings_saved;
    public static String Settings_required;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
