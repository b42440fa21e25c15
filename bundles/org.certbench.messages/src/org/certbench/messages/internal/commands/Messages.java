package org.certbench.messages.internal.commands;

import org.eclipse.osgi.util.NLS;

/** The words of messages:* (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.messages.internal.commands.messages"; //$NON-NLS-1$

    public static String Command_markedAll;
    public static String Command_marked;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
