package org.certbench.app.internal.views;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * Shows the view Window > Show View names and gives it the focus: its tab is brought to the front, a closed view is
 * shown again where it was, and a view never opened is made from its descriptor beside the certificate views.
 */
public final class ShowViewHandler {

    static final String MAIN_STACK = "org.certbench.app.partstack.main"; //$NON-NLS-1$

    @Execute
    public void execute(@Named(ShowViewMenu.PART_PARAMETER) String partId, EPartService parts, EModelService models,
            MApplication application) {
        MPart part = parts.findPart(partId);
        if (part == null) {
            // a view whose plug-in was removed since the menu showed has no descriptor left: nothing to show
            part = application.getDescriptors().stream().anyMatch(descriptor -> partId.equals(descriptor.getElementId()))
                    ? parts.createPart(partId) : null;
            if (part == null) {
                return;
            }
            if (models.find(MAIN_STACK, application) instanceof MPartStack stack) {
                stack.getChildren().add(part);
            }
        }
        parts.showPart(part, PartState.ACTIVATE);
    }
}
