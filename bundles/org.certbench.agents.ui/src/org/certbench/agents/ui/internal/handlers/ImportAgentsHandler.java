package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.ImportAgentsWizard;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Import Agents from CSV...: the wizard (the file, then a preview with each line's problems); its Finish imports in
 * the background what {@code agent:import} would, and the view says what was added.
 */
public final class ImportAgentsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            AgentsPart view) {
        new WizardDialog(shell, new ImportAgentsWizard(fleet, view.importer())).open();
    }
}
