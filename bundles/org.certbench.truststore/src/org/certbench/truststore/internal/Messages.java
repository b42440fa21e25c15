package org.certbench.truststore.internal;

import org.eclipse.osgi.util.NLS;

/** The trust store's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.truststore.internal.messages"; //$NON-NLS-1$

    public static String Source;
    public static String Open_several;
    public static String Open_refused;
    public static String Open_tooLarge;
    public static String Open_missing;
    public static String Open_unreadable;
    public static String Status_valid;
    public static String Status_expired;
    public static String Status_expiresIn;
    public static String Check_chainIncomplete;
    public static String Check_refused;
    public static String Id_missing;
    public static String Id_unknown;
    public static String Id_ambiguous;
    public static String Store_cannotWrite;
    public static String Store_cannotDelete;
    public static String Store_cannotRead;
    public static String Reload_reading;
    public static String Reload_telling;
    /** A MessageFormat pattern (a choice for the count). */
    public static String Reload_canceled;
    public static String Store_readAgain;
    public static String Store_cannotLock;
    public static String Store_notCa;
    public static String Anchor_emptySubject;
    public static String Anchor_unusable;
    public static String Settings_invalid;
    public static String Settings_unreadable;
    public static String Reload_unreadable;
    public static String Export_cannotWrite;
    public static String Net_ok;
    public static String Net_httpStatus;
    public static String Net_untrustedIssuer;
    public static String Net_untrustedIssuerProxy;
    public static String Net_issuerNotSent;
    public static String Net_notTrusted;
    public static String Net_notTrustedProxy;
    public static String Net_theServer;
    public static String Net_sentCertificate;
    public static String Net_noClients;
    public static String Net_refused;
    public static String Net_unknownHost;
    public static String Net_timeout;
    public static String Net_failed;
    public static String Net_notHttps;
    public static String Net_cannotSave;
    public static String Net_cannotRead;
    public static String Net_readAgain;
    public static String Command_wouldBeRefused;
    public static String Command_alreadyStored;
    public static String Command_wouldBeImported;
    public static String Command_alreadyPresent;
    public static String Command_imported;
    public static String Command_yes;
    public static String Command_exported;
    public static String Command_deleted;
    public static String Command_noSuchFile;
    public static String Command_notAUrl;
    public static String Command_proxy;
    public static String Command_proxyArguments;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
