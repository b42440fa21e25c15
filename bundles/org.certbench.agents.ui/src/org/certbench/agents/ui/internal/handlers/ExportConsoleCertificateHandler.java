package org.certbench.agents.ui.internal.handlers;

import java.nio.file.Path;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.ui.AgentsView;
import org.certbench.agents.ui.internal.ConsoleCertificateDialog;
import org.certbench.agents.ui.internal.FileChooser;
import org.certbench.agents.ui.internal.Messages;
import org.certbench.crypto.Certificate;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Export Console Certificate... (from any view: the Agents view comes to the front): this console's client
 * certificate to a PEM file the administrator chooses, and the {@code console-authorize} line to run on each agent
 * (what {@code agent:console --out FILE} does in the shell).
 */
public final class ExportConsoleCertificateHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service AgentFleet fleet,
            @Optional FileChooser chooser, EPartService parts) {
        ViewInFront.part(parts, AgentsView.PART_ID);
        String chosen = (chooser == null ? FileChooser.NATIVE : chooser).choose(shell, Messages.Console_chooseFile,
                new String[] { "*.pem", "*" }, true, "console.pem"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            Certificate written = fleet.exportConsoleCertificate(file);
            ConsoleCertificateDialog.open(shell, file, written.sha256Fingerprint());
        } catch (FleetException e) {
            MessageDialog.openError(shell, Messages.Console_title, e.getMessage());
        }
    }
}
