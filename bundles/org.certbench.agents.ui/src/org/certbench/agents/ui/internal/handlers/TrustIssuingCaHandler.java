package org.certbench.agents.ui.internal.handlers;

import java.nio.file.Path;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.FileChooser;
import org.certbench.agents.ui.internal.Messages;
import org.certbench.crypto.Certificate;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Trust Issuing CA from File... (from any view: the Agents view comes to the front, its selection is the one used):
 * the second seed's step 4 on another console. The CA certificate file becomes known to the fleet (the fleet reads
 * it, refusing in words what is not a CA certificate); then Trust this certificate, for the selected agents, trusts
 * that CA for the agents it issued, after showing what it trusts.
 */
public final class TrustIssuingCaHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            EPartService parts, @Optional FileChooser chooser) {
        MPart part = ViewInFront.part(parts, AgentsView.PART_ID);
        if (part == null || part.getContext() == null) {
            return;
        }
        // the Agents view's selection, also when the command was chosen while another view was active
        IEclipseContext view = part.getContext();
        AgentSelection selection = view.get(IServiceConstants.ACTIVE_SELECTION) instanceof AgentSelection selected
                ? selected : AgentSelection.NONE;
        String chosen = (chooser == null ? FileChooser.NATIVE : chooser).choose(shell, Messages.IssuingCa_chooseFile,
                new String[] { "*.pem;*.crt;*.cer;*.der", "*" }, false, null); //$NON-NLS-1$ //$NON-NLS-2$
        if (chosen == null) {
            return;
        }
        Certificate ca;
        try {
            ca = fleet.addKnownCa(Path.of(chosen));
        } catch (FleetException e) {
            MessageDialog.openError(shell, Messages.IssuingCa_title, e.getMessage());
            return;
        }
        boolean some = !selection.isEmpty();
        MessageDialog.openInformation(shell, Messages.IssuingCa_title,
                NLS.bind(some ? Messages.IssuingCa_knownThenTrust : Messages.IssuingCa_known,
                        ca.summary().subject(), ca.sha256Fingerprint()));
        if (some) {
            // run in the view's context, where Trust this certificate has its handler and sees the selection
            ParameterizedCommand trust = view.get(ECommandService.class).createCommand(AgentsView.TRUST_COMMAND_ID,
                    null);
            EHandlerService handlers = view.get(EHandlerService.class);
            if (handlers.canExecute(trust)) {
                handlers.executeHandler(trust);
            }
        }
    }
}
