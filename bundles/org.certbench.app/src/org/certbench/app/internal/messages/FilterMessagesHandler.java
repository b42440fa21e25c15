package org.certbench.app.internal.messages;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;

/** Ctrl+F in the System messages view: the keyboard focus goes to the filter, its text selected to be typed over. */
public final class FilterMessagesHandler {

    @CanExecute
    public boolean canExecute(@Optional MessagesPart view) {
        return view != null;
    }

    @Execute
    public void execute(MessagesPart view) {
        view.focusFilter();
    }
}
