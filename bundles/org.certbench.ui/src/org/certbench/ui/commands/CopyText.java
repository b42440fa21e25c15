package org.certbench.ui.commands;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;

/**
 * Ctrl+C in a view: the selected rows as text on the clipboard, unless the keyboard focus is in a text field (the
 * filter), where Ctrl+C copies that field's selected text as everywhere else.
 */
public final class CopyText {

    private CopyText() {
    }

    /** Copies {@code rows} (or the focused text field's selection) to the clipboard; on the UI thread. */
    public static void copy(Display display, String rows) {
        if (display.getFocusControl() instanceof Text text && !text.getSelectionText().isEmpty()) {
            text.copy();
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] { rows }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            clipboard.dispose();
        }
    }
}
