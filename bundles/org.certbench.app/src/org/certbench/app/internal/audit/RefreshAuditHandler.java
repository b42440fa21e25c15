package org.certbench.app.internal.audit;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** F5 in the Audit Log: the log read again (entries written by a shell or another console since). */
public final class RefreshAuditHandler {

    @CanExecute
    public boolean canExecute(@Optional AuditPart view) {
        return view != null;
    }

    @Execute
    public void execute(AuditPart view) {
        view.refresh();
    }
}
