package org.certbench.truststore.ui.internal;

import java.util.List;

import org.certbench.truststore.CaEntry;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * The seed's Delete (and the Delete key): asks first, naming the certificate and its fingerprint, then deletes in a
 * Job whose Cancel stops between two certificates.
 */
public final class DeleteCaHandler {

    @CanExecute
    public boolean canExecute(@Optional CaCertificateSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CaCertificateSelection selection,
            @Service TrustStore store, UISynchronize sync) {
        List<CaEntry> selected = selection.entries();
        String question = selected.size() == 1
                ? NLS.bind(Messages.Delete_one, selected.get(0).commonName(),
                        selected.get(0).certificate().sha256Fingerprint())
                : NLS.bind(Messages.Delete_several, selected.size());
        MessageDialog confirm = new MessageDialog(shell, Messages.Delete_title, null, question, MessageDialog.WARNING,
                1, Messages.Part_delete, IDialogConstants.CANCEL_LABEL);
        if (confirm.open() != 0) {
            return;
        }
        StoreJobs.schedule(Messages.Job_delete, shell, sync, monitor -> {
            SubMonitor each = monitor.setWorkRemaining(selected.size());
            for (CaEntry entry : selected) {
                if (each.isCanceled()) {
                    throw new OperationCanceledException();
                }
                store.delete(entry.id());
                each.worked(1);
            }
        });
    }
}
