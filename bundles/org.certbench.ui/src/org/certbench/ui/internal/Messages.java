package org.certbench.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The shared widgets' own words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.ui.internal.messages"; //$NON-NLS-1$

    public static String Field_browse;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
