package org.certbench.app.internal.views;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.MUILabel;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * Window > Show View: every view of the window, whether its tab shows, it was closed or it was never opened (a
 * part descriptor, as a plug-in may contribute), in the order of their names as Eclipse lists them. Made each time
 * the menu opens, so a plug-in's view installed or removed since shows or goes.
 */
public final class ShowViewMenu {

    /** The command every item runs, with the view's id as its parameter. */
    public static final String COMMAND_ID = "org.certbench.app.command.showView"; //$NON-NLS-1$

    /** The parameter naming the view: a part's or a part descriptor's element id. */
    public static final String PART_PARAMETER = "org.certbench.app.command.showView.partId"; //$NON-NLS-1$

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, MApplication application, MWindow window,
            EModelService models) {
        MCommand command = application.getCommand(COMMAND_ID);
        if (command == null) {
            return;
        }
        Map<String, MUILabel> views = new LinkedHashMap<>();
        // a part without an id cannot be asked for by one: it has no item
        for (MPart part : models.findElements(window, null, MPart.class)) {
            if (part.getElementId() != null) {
                views.putIfAbsent(part.getElementId(), part);
            }
        }
        for (MPartDescriptor descriptor : application.getDescriptors()) {
            if (descriptor.getElementId() != null) {
                views.putIfAbsent(descriptor.getElementId(), descriptor);
            }
        }
        List<Map.Entry<String, MUILabel>> sorted = new ArrayList<>(views.entrySet());
        Collator collator = Collator.getInstance();
        sorted.sort(Comparator.comparing(entry -> label(entry.getKey(), entry.getValue()), collator));
        for (Map.Entry<String, MUILabel> view : sorted) {
            items.add(item(models, command, view.getKey(), view.getValue()));
        }
    }

    private static MHandledMenuItem item(EModelService models, MCommand command, String partId, MUILabel view) {
        MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
        item.setElementId("org.certbench.app.menuitem.showView." + partId); //$NON-NLS-1$
        item.setLabel(label(partId, view));
        item.setIconURI(view.getIconURI());
        item.setTooltip(view.getLocalizedTooltip());
        item.setCommand(command);
        MParameter parameter = models.createModelElement(MParameter.class);
        parameter.setName(PART_PARAMETER);
        parameter.setValue(partId);
        item.getParameters().add(parameter);
        return item;
    }

    /** {@return the view's name; a plug-in's view without one is listed by its id, not as a blank item} */
    private static String label(String partId, MUILabel view) {
        String label = view.getLocalizedLabel();
        if (label == null || label.isBlank()) {
            label = view.getLabel();
        }
        return label == null || label.isBlank() ? partId : label;
    }
}
