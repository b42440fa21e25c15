package org.certbench.truststore.ui.internal;

import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F: the keyboard focus goes to the filter, its text selected to be typed over. It needs no selection, so the
 * main menu's Filter runs it from any view: the CA view comes to the front first.
 */
public final class FilterCaHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, CaCertificatesView.PART, CaCertificatesPart.class)
                .ifPresent(CaCertificatesPart::focusFilter);
    }
}
