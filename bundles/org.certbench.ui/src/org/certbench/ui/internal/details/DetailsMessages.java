package org.certbench.ui.internal.details;

import org.eclipse.osgi.util.NLS;

/** The details widget's words (one field per key of messages.properties). */
public final class DetailsMessages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.ui.internal.details.messages"; //$NON-NLS-1$

    public static String Tab_details;
    public static String Tab_chain;
    public static String Column_field;
    public static String Column_value;
    public static String Column_certificate;
    public static String Column_store;
    public static String Column_validity;
    public static String Column_signature;
    public static String Store_yes;
    public static String Store_no;
    public static String Validity_expired;
    public static String Validity_valid;
    public static String Signature_VERIFIED;
    public static String Signature_SELF_SIGNED;
    public static String Signature_INVALID;
    public static String Signature_ISSUER_NOT_FOUND;
    public static String Signature_NOT_FOLLOWED;
    public static String Chain_reading;
    public static String Chain_unavailable;
    public static String Job_chain;

    static {
        NLS.initializeMessages(BUNDLE_NAME, DetailsMessages.class);
    }

    private DetailsMessages() {
    }
}
