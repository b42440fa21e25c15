package org.certbench.expiry.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/**
 * Show Certificate in the Expiry view (Enter, a double click, the context menu): the selected row's certificate in
 * its own view, or a line below the table saying why it cannot be shown.
 */
public final class OpenCertificateHandler {

    @CanExecute
    public boolean canExecute(@Optional ExpiryPart view) {
        return view != null && view.selectedCount() == 1;
    }

    @Execute
    public void execute(ExpiryPart view) {
        view.openSelected();
    }
}
