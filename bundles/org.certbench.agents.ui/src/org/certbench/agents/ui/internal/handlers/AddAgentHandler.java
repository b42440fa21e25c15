package org.certbench.agents.ui.internal.handlers;

import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.internal.AddAgentDialog;
import org.certbench.agents.ui.internal.AgentsPart;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Add Agent... (from any view: the Agents view comes to the front): the dialog pins the certificate the agent
 * presents; the view then shows it and asks its status.
 */
public final class AddAgentHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            EPartService parts) {
        AgentsPart view = AgentsViewInFront.view(parts);
        AddAgentDialog dialog = new AddAgentDialog(shell, fleet);
        if (dialog.open() == 0 && view != null) {
            view.refreshAgents(List.of(dialog.addedName()));
        }
    }
}
