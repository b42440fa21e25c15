package org.certbench.host.internal;

import org.eclipse.osgi.util.NLS;

/** The host certificates' words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.host.internal.messages"; //$NON-NLS-1$

    public static String Source;
    public static String Https_name;
    public static String Https_certificateFile;
    public static String Https_keyFile;
    public static String Https_keyOwner;
    public static String Https_reloadCommand;
    public static String Https_checkAddress;
    public static String Https_checkServerName;
    public static String Postgres_name;
    public static String Postgres_dataDirectory;
    public static String Postgres_certFile;
    public static String Postgres_keyFile;
    public static String Postgres_reload;
    public static String Postgres_host;
    public static String Postgres_port;
    public static String Postgres_user;
    public static String Postgres_database;
    public static String Postgres_psql;
    public static String Postgres_pgCtl;
    public static String Postgres_checkAddress;
    public static String Target_unknown;
    public static String Setting_keyType;
    public static String Setting_names;
    public static String Apply_generating;
    public static String Apply_checkingFiles;
    public static String Apply_writing;
    public static String Apply_reloading;
    public static String Apply_confirming;
    public static String Apply_canceledBeforeWrite;
    public static String Apply_canceledAfterWrite;
    public static String Apply_canceledRestoreFailed;
    public static String Apply_stillServed;
    public static String Apply_canceledTooLate;
    public static String Renew_badNames;
    public static String Renew_makingKey;
    public static String Renew_signing;
    public static String Renew_checking;
    public static String Renew_applying;
    public static String Renew_signerFailed;
    public static String Renew_nothingSigned;
    public static String Renew_refused;
    public static String Renew_foreignNames;
    public static String Renew_badKeyType;
    public static String Renew_noCa;
    public static String Renew_namesMissing;
    public static String Renew_canceled;
    public static String Configure_unknownKeys;
    public static String Setting_missing;
    public static String Setting_invalid;
    public static String Setting_expectAbsolutePath;
    public static String Setting_expectAddress;
    public static String Setting_expectPort;
    public static String Setting_expectReloadMode;
    public static String Settings_unreadable;
    public static String Settings_unwritable;
    public static String Settings_cannotLock;
    public static String Apply_notConfigured;
    public static String Apply_reloadFailed;
    public static String Apply_notServed;
    public static String Apply_unsafeConfiguration;
    public static String Apply_restored;
    public static String Apply_restoreReloadFailed;
    public static String Apply_previousServed;
    public static String Apply_nowServes;
    public static String Apply_servedOther;
    public static String Apply_servedNothing;
    public static String Apply_servedFailure;
    public static String Install_failed;
    public static String Reload_exitStatus;
    public static String Reload_notRun;
    public static String Restore_failed;
    public static String Probe_failed;
    public static String Probe_timeout;
    public static String Probe_notPostgres;
    public static String Probe_unreadableCertificate;
    public static String Upload_chainNotice;
    public static String Warning_chainBroken;
    public static String Warning_noServerAuth;
    public static String Warning_noExtendedKeyUsage;
    public static String Warning_notThisHost;
    public static String Warning_expired;
    public static String Warning_expiresSoon;
    public static String Warning_notYetValid;
    public static String Warning_noTls;
    public static String Recommend_noCertificate;
    public static String Recommend_notThisHost;
    public static String Command_notKeyValue;
    public static String Command_generated;
    public static String Command_wouldBeRefused;
    public static String Command_wouldBeAccepted;
    public static String Command_wouldBeAcceptedWithWarnings;
    public static String Command_uploaded;
    public static String Command_settingRequired;
    public static String Command_settingDefault;
    public static String Command_settingNoDefault;
    public static String Command_noSuchFile;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
