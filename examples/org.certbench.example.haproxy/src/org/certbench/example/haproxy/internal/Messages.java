package org.certbench.example.haproxy.internal;

import org.eclipse.osgi.util.NLS;

/** The HAProxy target's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.example.haproxy.internal.messages"; //$NON-NLS-1$

    public static String Haproxy_name;
    public static String Expiry_usedAt;
    public static String Expiry_usedAtFile;
    public static String Expiry_seenUnreadable;
    public static String Expiry_seenUnwritable;
    public static String Expiry_seenReplaced;
    public static String Setting_pemFile;
    public static String Setting_adminSocket;
    public static String Setting_masterSocket;
    public static String Setting_masterPid;
    public static String Setting_checkAddress;
    public static String Setting_checkServerName;
    public static String Setting_expectAddress;
    public static String Setting_expectAbsolutePath;
    public static String Setting_missing;
    public static String Setting_noReloadWay;
    public static String Setting_invalid;
    public static String Handshake_failed;
    public static String Handshake_timeout;
    public static String Handshake_unreadable;
    public static String Install_mismatch;
    public static String Install_failed;
    public static String Reload_unreadable;
    public static String Reload_socketFailed;
    public static String Reload_setRefused;
    public static String Reload_commitRefused;
    public static String Reload_noPid;
    public static String Reload_signalFailed;
    public static String Reload_interrupted;
    public static String Reload_noAnswer;
    public static String Restore_failed;
    public static String Status_noListener;
    public static String Status_noCertificate;
    public static String Status_fileUnknown;
    public static String Status_unexpected;
    public static String Status_socketFailed;
    public static String Details_served;
    public static String Details_inChain;
    public static String Details_issuer;
    public static String Details_unreadable;
    public static String CaFile_none;
    public static String CaFile_notWritten;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
