package org.certbench.expiry.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The Expiry UI's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.expiry.ui.internal.messages"; //$NON-NLS-1$

    public static String Part_filter;
    public static String Part_loading;
    public static String Part_count;
    public static String Part_week;
    public static String Part_expiredOnly;
    public static String Part_problems;
    public static String Open_noPluginView;
    public static String Open_failed;
    public static String Column_kind;
    public static String Column_name;
    public static String Column_subject;
    public static String Column_issuer;
    public static String Column_expiresOn;
    public static String Column_daysLeft;
    public static String Column_status;
    public static String Column_asOf;
    public static String Column_usedAt;
    public static String Urgency_expired;
    public static String Urgency_week;
    public static String Urgency_month;
    public static String Urgency_fine;
    public static String Kind_ca;
    public static String Kind_host;
    public static String Kind_agent;
    public static String Timeline_loading;
    public static String Timeline_kindCount;
    public static String Timeline_none;
    public static String Timeline_expiredBar;
    public static String Timeline_weekBar;
    public static String Timeline_today;
    public static String Timeline_thresholds;
    public static String Timeline_later;
    public static String Timeline_days;
    public static String Timeline_accessibleName;
    public static String Timeline_keys;
    public static String Timeline_summary;
    public static String Timeline_summaryLater;
    public static String Job_load;
    public static String Job_export;
    public static String Job_loadSettings;
    public static String Job_saveSettings;
    public static String Export_title;
    public static String Export_csv;
    public static String Export_all;
    public static String Export_fileName;
    public static String Export_failed;
    public static String Export_doneTitle;
    public static String Export_done;
    public static String Error_title;
    public static String Settings_title;
    public static String Settings_heading;
    public static String Settings_description;
    public static String Settings_field;
    public static String Settings_save;
    public static String Settings_notDays;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
