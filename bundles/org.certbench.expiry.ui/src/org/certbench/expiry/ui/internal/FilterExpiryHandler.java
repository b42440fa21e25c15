package org.certbench.expiry.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F in the Expiry view: the keyboard focus goes to the filter, its text selected to be typed over. It needs no
 * selection, so the Expiry menu's Filter runs it from any view: the Expiry view is shown first (made the first time,
 * as Window &gt; Show View &gt; Expiry makes it).
 */
public final class FilterExpiryHandler {

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication application) {
        if (ShowExpiryHandler.show(parts, models, application) instanceof ExpiryPart view) {
            view.focusFilter();
        }
    }
}
