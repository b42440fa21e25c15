package org.certbench.app.internal;

import org.eclipse.osgi.util.NLS;

/** The workbench's own words (NLS: one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.app.internal.messages"; //$NON-NLS-1$

    public static String About_title;
    public static String About_text;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
