package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.AgentDetailsDialog;
import org.certbench.agents.ui.internal.AgentsPart;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Enter: the selected agents' certificate fields in a dialog of their own (only the fields they share). */
public final class AgentDetailsHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, AgentsPart view) {
        AgentDetailsDialog.open(shell, view);
    }
}
