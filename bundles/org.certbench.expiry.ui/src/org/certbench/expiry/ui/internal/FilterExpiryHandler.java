package org.certbench.expiry.ui.internal;

import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F in the Expiry view: the keyboard focus goes to the filter, its text selected to be typed over. It needs no
 * selection, so the Expiry menu's Filter runs it from any view: the Expiry view is shown first (made the first time
 * from its descriptor, whose category puts it beside the other certificate views).
 */
public final class FilterExpiryHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, ExpiryPart.PART_ID, ExpiryPart.class).ifPresent(ExpiryPart::focusFilter);
    }
}
