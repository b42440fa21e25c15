package org.certbench.app.internal.audit;

import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F in the Audit Log: the keyboard focus goes to the filter, its text selected to be typed over. It needs no
 * selection, so the Audit Log menu's Filter runs it from any view: the Audit Log comes to the front first.
 */
public final class FilterAuditHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, AuditPart.PART_ID, AuditPart.class).ifPresent(AuditPart::focusFilter);
    }
}
