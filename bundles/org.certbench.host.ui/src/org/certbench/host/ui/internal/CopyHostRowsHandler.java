package org.certbench.host.ui.internal;

import org.certbench.ui.commands.CopyText;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Display;

/** Ctrl+C: the served certificate's fields (the selected rows, or all of them) as text, field and value by a tab. */
public final class CopyHostRowsHandler {

    @CanExecute
    public boolean canExecute(@Optional HostCertificatesPart view) {
        return view != null;
    }

    @Execute
    public void execute(HostCertificatesPart view) {
        CopyText.copy(Display.getCurrent(), view.rowsAsText());
    }
}
