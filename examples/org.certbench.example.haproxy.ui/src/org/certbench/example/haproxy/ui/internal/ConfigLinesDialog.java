package org.certbench.example.haproxy.ui.internal;

import org.certbench.ui.dialogs.TextToCopyDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * What was written for HAProxy, and the lines of haproxy.cfg that use it, in a field the administrator selects and
 * copies (the workbench's {@link TextToCopyDialog}: a long line wraps, so it reads whole).
 */
public final class ConfigLinesDialog {

    /** The field holding the lines of haproxy.cfg. */
    public static final String LINES_ID = "haproxy.config.lines"; //$NON-NLS-1$

    private ConfigLinesDialog() {
    }

    /** Opens the dialog, and returns when it is closed. */
    static void open(Shell parent, String title, String written, String explanation, String lines) {
        new TextToCopyDialog(parent, title, written, explanation, lines, LINES_ID).open();
    }
}
