package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.ImportAgentsDialog;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Import Agents from CSV...: a preview with each line's problem, then the import (what {@code agent:import} does). */
public final class ImportAgentsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            AgentsPart view) {
        ImportAgentsDialog dialog = new ImportAgentsDialog(shell, fleet);
        dialog.open();
        if (dialog.imported()) {
            view.reloadInventory();
        }
    }
}
