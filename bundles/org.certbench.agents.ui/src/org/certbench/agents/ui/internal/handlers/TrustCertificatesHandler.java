package org.certbench.agents.ui.internal.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.agents.ui.internal.BatchProgress;
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

/**
 * Trust this certificate: shows what will be trusted (old and new fingerprints side by side), then trusts exactly
 * that, in a Job that stops between agents when cancelled; failures and what was not done are said afterwards.
 */
public final class TrustCertificatesHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection, @Service AgentFleet fleet,
            UISynchronize sync, AgentsPart view) {
        Map<String, String> confirmed = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (AgentEntry entry : selection.agents()) {
            AgentStatus status = selection.statuses().get(entry.name());
            if (status == null || status.certificate() == null) {
                continue;
            }
            String presented = status.certificate().sha256Fingerprint();
            String pinned = entry.pinnedCertificate() == null ? null : entry.pinnedCertificate().sha256Fingerprint();
            confirmed.put(entry.name(), presented);
            if (pinned != null && !pinned.equals(presented)) {
                lines.add(NLS.bind(Messages.Trust_lineChanged, new Object[] { entry.name(), pinned, presented }));
            } else if (entry.pinnedKey() != null && !entry.hasPinnedKey(status.certificate())) {
                // trusting pins the presented key: the one pinned now is replaced
                lines.add(NLS.bind(Messages.Trust_lineKeyChanged, new Object[] { entry.name(), presented,
                        entry.pinnedKey(), status.certificate().publicKeySha256Fingerprint() }));
            } else {
                lines.add(NLS.bind(Messages.Trust_line, entry.name(), presented));
            }
        }
        if (confirmed.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.Trust_title, Messages.Trust_nothing);
            return;
        }
        if (!MessageDialog.openConfirm(shell, Messages.Trust_title,
                NLS.bind(Messages.Trust_question, String.join("\n", lines)))) { //$NON-NLS-1$
            return;
        }
        Job.create(Messages.Job_trust, monitor -> {
            BatchResult<?> result = fleet.trustConfirmed(confirmed, new BatchProgress(monitor));
            sync.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    showFailures(shell, result);
                }
                view.refreshAgents(List.copyOf(confirmed.keySet()));
            });
            return result.wasCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
        }).schedule();
    }

    /** Failures in words, and the agents a cancel left untouched. */
    static void showFailures(Shell shell, BatchResult<?> result) {
        List<? extends AgentResult<?>> failed = result.failed();
        List<String> notDone = result.results().stream()
                .filter(one -> one.outcome() == AgentResult.Outcome.CANCELED).map(AgentResult::agent).toList();
        if (failed.isEmpty() && notDone.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        if (!failed.isEmpty()) {
            text.append(java.text.MessageFormat.format(Messages.Result_failed, new Object[] { failed.size(),
                    result.results().size(),
                    failed.stream().map(failure -> failure.agent() + ": " + failure.message()) //$NON-NLS-1$
                            .collect(Collectors.joining("\n")) })); //$NON-NLS-1$
        }
        if (!notDone.isEmpty()) {
            if (text.length() > 0) {
                text.append("\n\n"); //$NON-NLS-1$
            }
            text.append(NLS.bind(Messages.Result_canceled, Plural.agents(notDone.size()), String.join(", ", notDone))); //$NON-NLS-1$
        }
        MessageDialog.openError(shell, Messages.Result_title, text.toString());
    }
}
