package org.certbench.issuers.acme.internal;

import org.eclipse.osgi.util.NLS;

/** Texts an administrator reads, from {@code messages.properties}. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.issuers.acme.internal.messages"; //$NON-NLS-1$

    public static String Acme_description;
    public static String Acme_webroot;
    public static String Acme_standalone;
    public static String Acme_standaloneAll;
    public static String Acme_wrongKind;
    public static String Acme_unsafe;
    public static String Acme_onlyAddresses;
    public static String Acme_csrSignature;
    public static String Acme_csrAddresses;
    public static String Acme_csrNames;
    public static String Acme_wrongNames;
    public static String Acme_ordering;
    public static String Acme_validating;
    public static String Acme_finalising;
    public static String Acme_noHttp01;
    public static String Acme_noResponder;
    public static String Acme_challengeFailed;
    public static String Acme_orderFailed;
    public static String Acme_timeout;
    public static String Acme_canceled;
    public static String Acme_notACertificate;
    public static String Acme_emptyChain;
    public static String Acme_wrongKey;
    public static String Acme_rateLimited;
    public static String Acme_retryUnknown;
    public static String Acme_userAction;
    public static String Acme_unauthorized;
    public static String Acme_account;
    public static String Acme_caError;
    public static String Acme_rejectedName;
    public static String Acme_caOf;
    public static String Acme_ca;
    public static String Acme_noProblem;
    public static String Acme_notTrusted;
    public static String Acme_network;
    public static String Acme_protocol;
    public static String Acme_tooLarge;
    public static String Response_tooLarge;
    public static String Response_declaredTooLarge;
    public static String Response_encoded;
    public static String Outbound_refused;
    public static String Outbound_timeout;
    public static String Outbound_unresolved;
    public static String Outbound_proxyRefused;
    public static String Outbound_proxyUnreachable;
    public static String Add_badName;
    public static String Add_nameTaken;
    public static String Add_notHttps;
    public static String Add_noWebroot;
    public static String Add_termsNotAgreed;
    public static String Add_eabRequired;
    public static String Add_eabUnreadable;
    public static String Add_eabNotBase64;
    public static String Add_badEmail;
    public static String Files_notWritten;
    public static String Files_accountKey;
    public static String Files_accountKeyMissing;
    public static String Files_accountKeyUnreadable;
    public static String Files_unreadable;
    public static String Remove_none;
    public static String Standalone_privileged;
    public static String Standalone_notBound;
    public static String Token_invalid;
    public static String Webroot_notWritten;
    public static String Webroot_notDirectory;
    public static String Webroot_notRemoved;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
