package org.certbench.expiry.ui.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Ctrl+F in the Expiry view: the keyboard focus goes to the filter, its text selected to be typed over. */
public final class FilterExpiryHandler {

    @CanExecute
    public boolean canExecute(@Optional ExpiryPart view) {
        return view != null;
    }

    @Execute
    public void execute(ExpiryPart view) {
        view.focusFilter();
    }
}
