package org.certbench.expiry.ui.internal;

import org.certbench.ui.commands.CopyText;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Display;

/** Ctrl+C in the Expiry view: the selected rows as text, a header line first, the columns separated by tabs. */
public final class CopyExpiryRowsHandler {

    @CanExecute
    public boolean canExecute(@Optional ExpiryPart view) {
        return view != null && view.selectedCount() > 0;
    }

    @Execute
    public void execute(ExpiryPart view) {
        CopyText.copy(Display.getCurrent(), view.selectedRowsAsText());
    }
}
