package org.certbench.app.internal.audit;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Ctrl+F in the Audit Log: the keyboard focus goes to the filter, its text selected to be typed over. */
public final class FilterAuditHandler {

    @CanExecute
    public boolean canExecute(@Optional AuditPart view) {
        return view != null;
    }

    @Execute
    public void execute(AuditPart view) {
        view.focusFilter();
    }
}
