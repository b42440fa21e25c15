package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.Messages;
import org.certbench.crypto.Certificate;
import org.certbench.ui.compare.CompareDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Compare: one agent's pinned certificate beside the one it presented at its last refresh, when the two differ (after
 * a change nobody announced, say). The presented one is the view's: a refresh, not this handler, asks the agent.
 */
public final class CompareAgentHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && selection.agents().size() == 1 && presented(selection) != null
                && !presented(selection).equals(selection.agents().get(0).pinnedCertificate());
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        AgentEntry agent = selection.agents().get(0);
        new CompareDialog(shell, NLS.bind(Messages.Compare_title, agent.name()), Messages.Compare_pinned,
                agent.pinnedCertificate(), Messages.Compare_presented, presented(selection)).open();
    }

    /** The certificate presented at the last refresh, when the agent also has one pinned; else {@code null}. */
    private static Certificate presented(AgentSelection selection) {
        AgentEntry agent = selection.agents().get(0);
        AgentStatus status = selection.statuses().get(agent.name());
        return agent.pinnedCertificate() == null || status == null ? null : status.certificate();
    }
}
