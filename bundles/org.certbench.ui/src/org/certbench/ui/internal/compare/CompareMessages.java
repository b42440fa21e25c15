package org.certbench.ui.internal.compare;

import org.eclipse.osgi.util.NLS;

/** The comparison's words (one field per key of messages.properties). */
public final class CompareMessages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.ui.internal.compare.messages"; //$NON-NLS-1$

    public static String Column_difference;
    public static String Column_field;
    public static String Marker_differs;
    public static String Summary_none;
    public static String Summary_one;
    public static String Summary_several;

    static {
        NLS.initializeMessages(BUNDLE_NAME, CompareMessages.class);
    }

    private CompareMessages() {
    }
}
