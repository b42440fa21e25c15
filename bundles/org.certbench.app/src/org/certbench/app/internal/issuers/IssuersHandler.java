package org.certbench.app.internal.issuers;

import org.certbench.issuers.Issuers;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Settings > Issuers. */
public final class IssuersHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service Issuers issuers) {
        new IssuersDialog(shell, issuers).open();
    }
}
