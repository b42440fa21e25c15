package org.certbench.truststore.ui.internal;

import org.certbench.ui.commands.CopyText;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Display;

/** Ctrl+C: the selected rows as text, one line per certificate, the columns separated by tabs. */
public final class CopyCaRowsHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificatesPart view) {
        return view != null;
    }

    @Execute
    public void execute(CaCertificatesPart view) {
        CopyText.copy(Display.getCurrent(), view.selectedRowsAsText());
    }
}
