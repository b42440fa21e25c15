package org.certbench.issuers.internal;

import org.eclipse.osgi.util.NLS;

/** Texts an administrator reads, from {@code messages.properties}. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.issuers.internal.messages"; //$NON-NLS-1$

    public static String Local_description;
    public static String Local_caName;
    public static String Local_caUnavailable;
    public static String Local_notRecorded;
    public static String Local_noCommonName;
    public static String Local_notOurs;
    public static String Local_notRevoked;
    public static String Local_crlNotWritten;
    public static String Issuer_wrongKind;
    public static String Issuer_canceled;
    public static String Issuers_unknown;
    public static String Issuers_nameTaken;
    public static String Command_description;
    public static String Command_unsafe;
    public static String Command_lockNotRegular;
    public static String Command_noWorkDirectory;
    public static String Command_running;
    public static String Command_timeout;
    public static String Command_outputTooLarge;
    public static String Command_notStarted;
    public static String Command_exit;
    public static String Command_noCertificate;
    public static String Command_notACertificate;
    public static String Command_wrongKey;
    public static String Command_wrongNames;
    public static String Command_notByCa;
    public static String Command_saidNothing;
    public static String Command_badName;
    public static String Command_placeholders;
    public static String Command_lineBreak;
    public static String Command_notACa;
    public static String Command_notWritten;
    public static String Command_unreadable;
    public static String Command_added;
    public static String Command_caMissing;
    public static String Issuers_notRemovable;
    public static String Issuers_noCaYet;
    public static String Issuers_exportFailed;
    public static String Revoke_revoked;
    public static String Revoke_notOurs;
    public static String Revoke_unreachable;
    public static String Revoke_untrusted;
    public static String Revoke_cannotRevoke;
    public static String Revoke_failed;
    public static String Revoke_line;
    public static String Revoke_what;
    public static String Command_exported;
    public static String Command_removed;
    public static String Revoke_noNames;
    public static String Revoke_batchFailed;
    public static String Command_yes;
    public static String Command_no;
    public static String Command_noCa;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
