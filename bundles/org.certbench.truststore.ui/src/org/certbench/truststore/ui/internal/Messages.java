package org.certbench.truststore.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The CA certificates UI's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.truststore.ui.internal.messages"; //$NON-NLS-1$

    public static String Part_newCertificate;
    public static String Part_details;
    public static String Part_export;
    public static String Part_delete;
    public static String Part_reload;
    public static String Part_filter;
    public static String Part_count;
    public static String Column_commonName;
    public static String Column_issuer;
    public static String Column_validFrom;
    public static String Column_expiresOn;
    public static String Column_status;
    public static String Column_sha256;
    public static String Wizard_title;
    public static String Wizard_pageTitle;
    public static String Wizard_pageDescription;
    public static String Wizard_file;
    public static String Wizard_browse;
    public static String Wizard_upload;
    public static String Wizard_import;
    public static String Wizard_checking;
    public static String Wizard_importing;
    public static String Wizard_refused;
    public static String Wizard_acceptable;
    public static String Wizard_alreadyStored;
    public static String Wizard_alreadyImported;
    public static String Wizard_noFile;
    public static String Wizard_fileFilter;
    public static String Details_title;
    public static String Details_several;
    public static String Details_field;
    public static String Details_value;
    public static String Details_verifies;
    public static String Details_verifiesYes;
    public static String Export_title;
    public static String Export_pem;
    public static String Export_der;
    public static String Delete_title;
    public static String Delete_one;
    public static String Delete_several;
    public static String Job_import;
    public static String Job_export;
    public static String Job_delete;
    public static String Job_reload;
    public static String Job_load;
    public static String Job_details;
    public static String Reload_title;
    public static String Reload_canceledTitle;
    public static String Reload_result;
    public static String Reload_unreadable;
    public static String Error_title;
    public static String Net_title;
    public static String Net_description;
    public static String Net_proxyHost;
    public static String Net_proxyPort;
    public static String Net_proxyNone;
    public static String Net_url;
    public static String Net_test;
    public static String Net_save;
    public static String Net_testing;
    public static String Net_testing_job;
    public static String Net_badUrl;
    public static String Net_badPort;

    public static String Compare_title;
    public static String Open_title;
    public static String Open_errorTitle;
    public static String Drop_tooManyTitle;
    public static String Drop_tooMany;
    public static String Open_job;
    public static String Open_choose;
    public static String Open_filterCertificates;
    public static String Open_filterAll;
    public static String Open_aboutCertificates;
    public static String Open_aboutRequest;
    public static String Open_columnCertificate;
    public static String Open_columnIssuer;
    public static String Open_requestSubject;
    public static String Open_requestNames;
    public static String Open_requestKeyAlgorithm;
    public static String Open_requestKeySize;
    public static String Open_requestKeyUsage;
    public static String Open_requestExtendedKeyUsage;
    public static String Open_requestSignature;
    public static String Open_signatureValid;
    public static String Open_signatureInvalid;
    public static String Open_noneRequested;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
