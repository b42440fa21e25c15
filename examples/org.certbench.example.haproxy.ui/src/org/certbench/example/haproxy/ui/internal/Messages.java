package org.certbench.example.haproxy.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The HAProxy view's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.example.haproxy.ui.internal.messages"; //$NON-NLS-1$

    public static String Part_refresh;
    public static String Part_loading;
    public static String Part_count;
    public static String Part_unavailable;
    public static String Column_frontend;
    public static String Column_status;
    public static String Column_address;
    public static String Column_subject;
    public static String Column_expires;
    public static String Column_file;
    public static String Column_fingerprint;
    public static String Job_status;
    public static String Check_title;
    public static String Check_job;
    public static String Check_allSame;
    public static String Check_someDiffer;
    public static String Check_same;
    public static String Check_other;
    public static String Check_problem;
    public static String Backend_title;
    public static String Backend_chooseFile;
    public static String Backend_written;
    public static String Backend_explain;
    public static String Backend_leftOut;
    public static String CaFile_title;
    public static String CaFile_chooseFile;
    public static String CaFile_written;
    public static String CaFile_explain;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
