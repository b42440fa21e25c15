package org.certbench.ui.internal.progress;

import org.eclipse.osgi.util.NLS;

/** The progress line's words (one field per key of messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.certbench.ui.internal.progress.messages"; //$NON-NLS-1$

    public static String Progress_cancel;
    public static String Progress_canceling;
    public static String Progress_more;
    public static String Progress_task;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
