package org.certbench.app.internal.audit;

import org.certbench.ui.commands.CopyText;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Display;

/** Ctrl+C in the Audit Log: the selected entries as text, a header line first, the columns separated by tabs. */
public final class CopyAuditRowsHandler {

    @CanExecute
    public boolean canExecute(@Optional AuditPart view) {
        return view != null && view.hasSelection();
    }

    @Execute
    public void execute(AuditPart view) {
        CopyText.copy(Display.getCurrent(), view.selectedRowsAsText());
    }
}
