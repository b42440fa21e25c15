package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+F: to the filter field. It needs no selection, so the main menu's Filter runs it from any view: the Agents
 * view comes to the front first, since the field to type in is there.
 */
public final class FocusFilterHandler {

    @Execute
    public void execute(EPartService parts) {
        ViewInFront.view(parts, AgentsView.PART_ID, AgentsPart.class).ifPresent(AgentsPart::focusFilter);
    }
}
