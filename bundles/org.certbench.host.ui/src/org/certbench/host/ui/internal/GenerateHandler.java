package org.certbench.host.ui.internal;

import java.util.stream.Collectors;

import org.certbench.crypto.HostIdentity;
import org.certbench.host.HostCertificates;
import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** The seed's Generate: a confirmation naming what will be generated, then Save applies it in a Job. */
public final class GenerateHandler extends ConfiguredServiceHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, HostServiceSelection selection,
            HostCertificatesPart view, @Service HostCertificates hosts, UISynchronize sync) {
        String service = selection.service().displayName();
        HostIdentity host = hosts.host();
        String names = host.subjectAlternativeNames().stream().map(Object::toString)
                .collect(Collectors.joining(", ")); //$NON-NLS-1$
        MessageDialog confirm = new MessageDialog(shell, Messages.Generate_title, null,
                NLS.bind(Messages.Generate_question, new Object[] { service, host.fqdn(), names }),
                MessageDialog.QUESTION, 0, Messages.Generate_save, IDialogConstants.CANCEL_LABEL);
        if (confirm.open() != 0) {
            return;
        }
        String id = selection.service().id();
        ApplyJob.schedule(Messages.Job_generate, service, shell, sync, view, monitor -> hosts.generate(id, monitor));
    }
}
