package org.certbench.agents.ui.internal.handlers;

import java.util.List;
import java.util.Optional;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.AddAgentDialog;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.ui.commands.ViewInFront;
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
        Optional<AgentsPart> view = ViewInFront.view(parts, AgentsView.PART_ID, AgentsPart.class);
        AddAgentDialog dialog = new AddAgentDialog(shell, fleet);
        if (dialog.open() == 0) {
            view.ifPresent(agents -> agents.refreshAgents(List.of(dialog.addedName())));
        }
    }
}
