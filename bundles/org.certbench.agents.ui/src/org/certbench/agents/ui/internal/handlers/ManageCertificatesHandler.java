package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.ManageCertificatesWizard;
import org.certbench.agents.ui.internal.ManageCertificatesWizardDialog;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.Renewals;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Manage certificates...: the seed's wizard for the selected agents; their status is asked again after it. */
public final class ManageCertificatesHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection, @Service AgentFleet fleet,
            @Optional @Service Renewals renewals, @Optional @Service Issuers issuers, AgentsPart view) {
        new ManageCertificatesWizardDialog(shell,
                new ManageCertificatesWizard(fleet, selection.names(), renewals, issuers)).open();
        view.refreshAgents(selection.names());
    }
}
