package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.AgentsPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * The main menu's Agents commands that need no selection (Add Agent..., Import..., Export Console Certificate...,
 * Trust Issuing CA from File..., Refresh, Filter) are the application's handlers, so that they run from any view;
 * like Eclipse's, they first bring their view to the front, where their result shows.
 */
final class AgentsViewInFront {

    private AgentsViewInFront() {
    }

    /** {@return the Agents part, shown and activated; {@code null} when the window has none} */
    static MPart show(EPartService parts) {
        return parts.showPart(AgentsView.PART_ID, EPartService.PartState.ACTIVATE);
    }

    /** {@return the Agents view, shown and activated; {@code null} when the window has none} */
    static AgentsPart view(EPartService parts) {
        MPart part = show(parts);
        return part != null && part.getObject() instanceof AgentsPart view ? view : null;
    }
}
