package org.certbench.app.internal;

import org.eclipse.osgi.util.NLS;

/** The workbench's own words (NLS: one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.app.internal.messages"; //$NON-NLS-1$

    public static String About_title;
    public static String Layout_source;
    public static String Layout_saveFailed;
    public static String About_text;
    public static String Bell_noUnread;
    public static String Bell_unread;
    public static String Messages_markRead;
    public static String Messages_markAllRead;
    public static String Messages_markingRead;
    public static String Messages_time;
    public static String Messages_severity;
    public static String Messages_source;
    public static String Messages_text;
    public static String Messages_filter;
    public static String Messages_showCertificate;
    public static String Severity_error;
    public static String Severity_warning;
    public static String Severity_info;
    public static String Audit_refresh;
    public static String Audit_filter;
    public static String Audit_reading;
    public static String Audit_readFailed;
    public static String Audit_count;
    public static String Audit_time;
    public static String Audit_who;
    public static String Audit_action;
    public static String Audit_object;
    public static String Audit_before;
    public static String Audit_after;
    public static String Audit_result;
    public static String Audit_ok;
    public static String Audit_failed;
    public static String Audit_failedPlain;
    public static String Audit_damagedAction;
    public static String Audit_select;
    public static String Audit_none;
    public static String Audit_details;
    public static String Plugins_title;
    public static String Plugins_message;
    public static String Plugins_install;
    public static String Plugins_remove;
    public static String Plugins_name;
    public static String Plugins_version;
    public static String Plugins_state;
    public static String Plugins_installing;
    public static String Plugins_installed;
    public static String Background_job;
    public static String Renewal_job;
    public static String Renewal_off;
    public static String Renewal_ran;
    public static String Renewal_noService;
    public static String Renewal_skipped;
    public static String Issuers_title;
    public static String Issuers_message;
    public static String Issuers_name;
    public static String Issuers_type;
    public static String Issuers_caSubject;
    public static String Issuers_caExpiry;
    public static String Issuers_kinds;
    public static String Issuers_canRevoke;
    public static String Issuers_yes;
    public static String Issuers_no;
    public static String Issuers_noCa;
    public static String Issuers_show;
    public static String Issuers_remove;
    public static String Issuers_addCommand;
    public static String Issuers_export;
    public static String Issuers_schedule;
    public static String Issuers_loading;
    public static String Issuers_selectFirst;
    public static String Issuers_removeTitle;
    public static String Issuers_removeConfirm;
    public static String Issuers_removing;
    public static String Issuers_removed;
    public static String Issuers_added;
    public static String Issuers_exporting;
    public static String Issuers_exported;
    public static String Issuers_details;
    public static String Issuers_caDetails;
    public static String Issuers_detailsTitle;
    public static String Issuers_addCommandTitle;
    public static String Issuers_addCommandMessage;
    public static String Issuers_nameLabel;
    public static String Issuers_caFileLabel;
    public static String Issuers_programLabel;
    public static String Issuers_browse;
    public static String Issuers_nameMissing;
    public static String Issuers_caMissing;
    public static String Issuers_adding;
    public static String Issuers_noProgram;
    public static String Issuers_unclosedSingle;
    public static String Issuers_unclosedDouble;
    public static String Issuers_trailingBackslash;
    public static String Issuers_addAcme;
    public static String Issuers_addAcmeTitle;
    public static String Issuers_addAcmeMessage;
    public static String Issuers_acmeMissing;
    public static String Issuers_acmeDirectoryLabel;
    public static String Issuers_acmeReadTerms;
    public static String Issuers_acmeTermsLabel;
    public static String Issuers_acmeTermsNotRead;
    public static String Issuers_acmeTermsReading;
    public static String Issuers_acmeNoTerms;
    public static String Issuers_acmeAgree;
    public static String Issuers_acmeAgreeFirst;
    public static String Issuers_acmeEmailLabel;
    public static String Issuers_acmeEabKidLabel;
    public static String Issuers_acmeEabFileLabel;
    public static String Issuers_acmeWebrootChoice;
    public static String Issuers_acmeStandaloneChoice;
    public static String Issuers_acmePortLabel;
    public static String Issuers_acmeBindLabel;
    public static String Issuers_acmeDirectoryMissing;
    public static String Issuers_acmeDirectoryInvalid;
    public static String Issuers_acmeEabIncomplete;
    public static String Issuers_acmeEabRequired;
    public static String Issuers_acmeWebrootMissing;
    public static String Issuers_acmePortInvalid;
    public static String Issuers_acmeRegistering;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
