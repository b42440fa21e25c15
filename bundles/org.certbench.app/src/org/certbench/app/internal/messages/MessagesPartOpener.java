package org.certbench.app.internal.messages;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Inject;

/** Shows the System messages view, also after an administrator closed it (and with it its stack). */
@Creatable
public final class MessagesPartOpener {

    public static final String PART_ID = "org.certbench.app.part.messages"; //$NON-NLS-1$

    private final EPartService parts;
    private final EModelService models;
    private final MApplication application;

    @Inject
    public MessagesPartOpener(EPartService parts, EModelService models, MApplication application) {
        this.parts = parts;
        this.models = models;
        this.application = application;
    }

    public void open() {
        MPart part = (MPart) models.find(PART_ID, application);
        if (part == null) {
            return;
        }
        for (MUIElement container = part.getParent(); container != null; container = container.getParent()) {
            container.setToBeRendered(true);
            container.setVisible(true);
        }
        parts.showPart(part, PartState.ACTIVATE);
    }
}
