package org.certbench.host.ui.internal;

import org.certbench.host.HostCertificates;
import org.certbench.host.ui.HostServiceSelection;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** The seed's Upload: the certificate file and its key, checked in the dialog, then applied in a Job. */
public final class UploadHandler extends ConfiguredServiceHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, HostServiceSelection selection,
            HostCertificatesPart view, @Service HostCertificates hosts, UISynchronize sync) {
        UploadDialog dialog = new UploadDialog(shell, hosts);
        if (dialog.open() == 0) {
            String id = selection.service().id();
            ApplyJob.schedule(Messages.Job_upload, selection.service().displayName(), shell, sync, view,
                    monitor -> hosts.upload(id, dialog.certificateFile(), dialog.keyFile(), monitor));
        }
    }
}
