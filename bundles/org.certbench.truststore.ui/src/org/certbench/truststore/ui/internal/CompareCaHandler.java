package org.certbench.truststore.ui.internal;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.certbench.ui.compare.CompareDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Compare: the two selected CA certificates side by side, the differing fields marked. */
public final class CompareCaHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificateSelection selection) {
        return selection != null && selection.entries().size() == 2;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CaCertificateSelection selection) {
        CaEntry left = selection.entries().get(0);
        CaEntry right = selection.entries().get(1);
        new CompareDialog(shell, Messages.Compare_title, left.certificate().commonName(), left.certificate(),
                right.certificate().commonName(), right.certificate()).open();
    }
}
