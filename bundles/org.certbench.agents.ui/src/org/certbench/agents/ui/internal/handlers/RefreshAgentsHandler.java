package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Refresh (F5): every agent is asked for its certificate, in a Job the window's progress line can cancel. It needs no
 * selection, so the main menu runs it from any view: the Agents view comes to the front first, where the statuses
 * show.
 */
public final class RefreshAgentsHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, AgentsView.PART_ID, AgentsPart.class).ifPresent(AgentsPart::refreshAll);
    }
}
