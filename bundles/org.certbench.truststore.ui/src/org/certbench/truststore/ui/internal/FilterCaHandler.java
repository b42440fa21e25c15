package org.certbench.truststore.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Ctrl+F: the keyboard focus goes to the filter, its text selected to be typed over. */
public final class FilterCaHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificatesPart view) {
        return view != null;
    }

    @Execute
    public void execute(CaCertificatesPart view) {
        view.focusFilter();
    }
}
