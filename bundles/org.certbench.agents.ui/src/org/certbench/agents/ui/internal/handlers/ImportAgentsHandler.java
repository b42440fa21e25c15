package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.ImportAgentsWizard;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Import Agents from CSV... (from any view: the Agents view comes to the front): the wizard (the file, then a
 * preview with each line's problems); its Finish imports in the background the lines previewed, as
 * {@code agent:import} would, and the view says what was added.
 */
public final class ImportAgentsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            EPartService parts) {
        ViewInFront.view(parts, AgentsView.PART_ID, AgentsPart.class)
                .ifPresent(view -> new WizardDialog(shell, new ImportAgentsWizard(fleet, view.importer())).open());
    }
}
