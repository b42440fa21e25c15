package org.certbench.expiry.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Window > Show View > Expiry: the view is made from its descriptor the first time, beside the other certificate
 * views (not wherever the focus happens to be, e.g. under System messages), and shown again after it was closed.
 */
public final class ShowExpiryHandler {

    static final String MAIN_STACK = "org.certbench.app.partstack.main"; //$NON-NLS-1$

    @Execute
    public void execute(EPartService parts, EModelService models, MApplication application) {
        show(parts, models, application);
    }

    /** {@return the Expiry view's object, shown and active (made the first time)} */
    static Object show(EPartService parts, EModelService models, MApplication application) {
        MPart part = parts.findPart(ExpiryPart.PART_ID);
        if (part == null) {
            part = parts.createPart(ExpiryPart.PART_ID);
            if (models.find(MAIN_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(part);
            }
        }
        parts.showPart(part, PartState.ACTIVATE);
        return part.getObject();
    }
}
