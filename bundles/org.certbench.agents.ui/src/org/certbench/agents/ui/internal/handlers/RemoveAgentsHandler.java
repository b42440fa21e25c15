package org.certbench.agents.ui.internal.handlers;

import java.util.ArrayList;
import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.Messages;
import org.certbench.agents.ui.internal.Plural;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Delete: the selected agents are removed after a confirmation; what this console trusted for them is forgotten. */
public final class RemoveAgentsHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection, @Service AgentFleet fleet,
            UISynchronize sync, AgentsPart view) {
        List<String> names = selection.names();
        if (!MessageDialog.openConfirm(shell, Messages.Remove_title,
                NLS.bind(Messages.Remove_question, Plural.agents(names.size())))) {
            return;
        }
        Job.create(Messages.Job_remove, monitor -> {
            List<String> failures = new ArrayList<>();
            for (String name : names) {
                if (monitor.isCanceled()) {
                    break;
                }
                try {
                    fleet.remove(name);
                } catch (FleetException e) {
                    failures.add(name + ": " + e.getMessage()); //$NON-NLS-1$
                }
            }
            sync.asyncExec(() -> {
                view.reloadInventory();
                if (!failures.isEmpty() && !shell.isDisposed()) {
                    MessageDialog.openError(shell, Messages.Result_title, String.join("\n", failures)); //$NON-NLS-1$
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }
}
