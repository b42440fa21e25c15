package org.certbench.app.internal.views;

import jakarta.inject.Named;

import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Shows the view Window > Show View names and gives it the focus: its tab is brought to the front, a closed view is
 * shown again where it was, and a view never opened is made from its descriptor (with the category
 * {@code org.certbench.views}, beside the certificate views: the main stack carries that tag).
 */
public final class ShowViewHandler {

    @Execute
    public void execute(@Named(ShowViewMenu.PART_PARAMETER) String partId, EPartService parts,
            MApplication application) {
        // a view whose plug-in was removed since the menu showed has neither a part nor a descriptor left
        if (parts.findPart(partId) != null || application.getDescriptors().stream()
                .anyMatch(descriptor -> partId.equals(descriptor.getElementId()))) {
            ViewInFront.part(parts, partId);
        }
    }
}
