package org.certbench.host.ui.internal;

import org.certbench.host.ui.HostCertificatesView;
import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * The Host Certificates view brought to the front (created if it never showed) for a command that needs no
 * selection and runs from any view: its handler is the application's, so it finds the view through its part.
 */
record HostViewInFront(HostCertificatesPart view, HostServiceSelection selection) {

    static HostViewInFront show(EPartService parts) {
        MPart part = parts.showPart(HostCertificatesView.PART, PartState.ACTIVATE);
        HostCertificatesPart view = (HostCertificatesPart) part.getObject();
        return new HostViewInFront(view, part.getContext().get(HostServiceSelection.class));
    }
}
