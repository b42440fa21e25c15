package org.certbench.ui.commands;

import java.util.Optional;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/**
 * "Bring the view to the front, then act": a command that needs no selection (New..., Reload, Filter) runs from any
 * view, as Eclipse's main menu commands do, so its handler is the application's; it first shows its view (made the
 * first time) and activates it, where its result shows, then acts on it. The one place a handler finds its view that
 * way. Use on the UI thread.
 */
public final class ViewInFront {

    private ViewInFront() {
    }

    /**
     * Shows and activates the part {@code partId}.
     *
     * @return that part, or {@code null} when the window has none with that id
     */
    public static MPart part(EPartService parts, String partId) {
        return parts.showPart(partId, PartState.ACTIVATE);
    }

    /**
     * Shows and activates the part {@code partId}, for a handler that then acts on its view object.
     *
     * @return the part's view object, or empty when the window has no such part or its object is not a
     *         {@code viewType}
     */
    public static <T> Optional<T> view(EPartService parts, String partId, Class<T> viewType) {
        MPart part = part(parts, partId);
        return part == null ? Optional.empty() : Optional.ofNullable(part.getObject()).filter(viewType::isInstance)
                .map(viewType::cast);
    }
}
