package org.certbench.agents.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The Agents UI's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.agents.ui.internal.messages"; //$NON-NLS-1$

    public static String Part_add;
    public static String Wizard_chooseHelp;
    public static String Wizard_step2;
    public static String Wizard_csrHelp;
    public static String Wizard_applyHelp;
    public static String Wizard_issueHelp;
    public static String Part_tooltip;
    public static String Column_reason;
    public static String Reason_expired;
    public static String Reason_expiring;
    public static String Count_agent;
    public static String Count_agents;
    public static String Part_refreshCanceled;
    public static String Result_canceled;
    public static String Details_titleOne;
    public static String Details_titleSeveral;
    public static String Part_remove;
    public static String Part_refresh;
    public static String Part_trust;
    public static String Part_manage;
    public static String Part_filter;
    public static String Part_count;
    public static String Part_certificate;
    public static String Part_certificateSeveral;
    public static String Column_name;
    public static String Column_address;
    public static String Column_status;
    public static String Column_subject;
    public static String Column_issuer;
    public static String Column_expires;
    public static String Column_selfSigned;
    public static String Field_subject;
    public static String Field_issuer;
    public static String Field_validFrom;
    public static String Field_validTo;
    public static String Field_selfSigned;
    public static String Field_status;
    public static String Field_fingerprint;
    public static String Field_reason;
    public static String Field_warning;
    public static String Yes;
    public static String No;
    public static String NotChecked;
    public static String Add_title;
    public static String Add_message;
    public static String Add_name;
    public static String Add_host;
    public static String Add_port;
    public static String Add_fingerprint;
    public static String Add_badPort;
    public static String Add_added;
    public static String Remove_title;
    public static String Remove_question;
    public static String Trust_title;
    public static String Trust_question;
    public static String Trust_line;
    public static String Trust_lineChanged;
    public static String Trust_lineKeyChanged;
    public static String Trust_nothing;
    public static String Job_refresh;
    public static String Job_add;
    public static String Job_remove;
    public static String Job_trust;
    public static String Job_details;
    public static String Result_title;
    public static String Result_failed;
    public static String Wizard_title;
    public static String Wizard_choosePage;
    public static String Wizard_chooseDescription;
    public static String Wizard_pathCsr;
    public static String Wizard_pathApply;
    public static String Wizard_pathSelfSigned;
    public static String Wizard_csrTitle;
    public static String Wizard_csrDescription;
    public static String Wizard_directory;
    public static String Wizard_organization;
    public static String Wizard_organizationUnit;
    public static String Wizard_country;
    public static String Wizard_state;
    public static String Wizard_locality;
    public static String Wizard_generateCsrs;
    public static String Wizard_applyTitle;
    public static String Wizard_applyDescription;
    public static String Wizard_caFile;
    public static String Wizard_certificates;
    public static String Wizard_verify;
    public static String Wizard_apply;
    public static String Wizard_retry;
    public static String Wizard_selfSignedTitle;
    public static String Wizard_selfSignedDescription;
    public static String Wizard_useExisting;
    public static String Wizard_rekey;
    public static String Wizard_applyChanges;
    public static String Wizard_result_agent;
    public static String Wizard_result_outcome;
    public static String Wizard_result_details;
    public static String Wizard_succeeded;
    public static String Wizard_failed;
    public static String Wizard_canceled;
    public static String Wizard_summary;
    public static String Wizard_noDirectory;
    public static String Wizard_noCa;
    public static String Wizard_working;
    public static String SelfSigned_result;
    public static String SelfSigned_alreadyInUse;
    public static String SelfSigned_restored;
    public static String SelfSigned_created;
    public static String SelfSigned_rekeyed;
    public static String Column_renewalDue;
    public static String Renewal_dueNow;
    public static String Renewal_notThisConsole;
    public static String Wizard_pathIssue;
    public static String Wizard_issueTitle;
    public static String Wizard_issueDescription;
    public static String Wizard_issuer;
    public static String Wizard_issueRekey;
    public static String Wizard_issueApply;
    public static String Wizard_issuersLoading;
    public static String Wizard_noIssuers;
    public static String Issue_result;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
