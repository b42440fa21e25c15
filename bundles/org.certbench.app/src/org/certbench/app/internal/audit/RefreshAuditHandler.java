package org.certbench.app.internal.audit;

import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * F5 in the Audit Log: the log read again (entries written by a shell or another console since). It needs no
 * selection, so the Audit Log menu's Refresh runs it from any view: the Audit Log comes to the front first.
 */
public final class RefreshAuditHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, AuditPart.PART_ID, AuditPart.class).ifPresent(AuditPart::refresh);
    }
}
