package org.certbench.truststore.ui.internal;

import java.text.MessageFormat;

import org.certbench.truststore.ReloadMonitor;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.commands.ViewInFront;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * The seed's Reload (and F5): reads the store's directory again, checks expiry, and says what changed. Its Cancel in
 * the progress line stops it before the list is replaced, and the administrator reads that nothing changed. It needs
 * no selection, so the main menu runs it from any view: the CA view comes to the front first, to show the new list.
 */
public final class ReloadCaHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service TrustStore store,
            UISynchronize sync, EPartService parts) {
        ViewInFront.part(parts, CaCertificatesView.PART);
        StoreJobs.schedule(Messages.Job_reload, shell, sync, monitor -> {
            ReloadResult result;
            try {
                result = store.reload(progressOf(monitor));
            } catch (TrustStoreException e) {
                if (!monitor.isCanceled()) {
                    throw e;
                }
                inform(shell, sync, Messages.Reload_canceledTitle, e.getMessage());
                throw new OperationCanceledException(e.getMessage());
            }
            // a choice format ("1 CA certificate"), which NLS.bind does not read
            String text = MessageFormat.format(Messages.Reload_result, result.certificates(), result.added(),
                    result.removed());
            if (!result.unreadable().isEmpty()) {
                text += NLS.bind(Messages.Reload_unreadable, String.join("\n", result.unreadable())); //$NON-NLS-1$
            }
            inform(shell, sync, Messages.Reload_title, text);
        });
    }

    private static ReloadMonitor progressOf(IProgressMonitor monitor) {
        return new ReloadMonitor() {
            @Override
            public void subTask(String text) {
                monitor.subTask(text);
            }

            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
    }

    private static void inform(Shell shell, UISynchronize sync, String title, String text) {
        sync.asyncExec(() -> {
            if (!shell.isDisposed()) {
                MessageDialog.openInformation(shell, title, text);
            }
        });
    }
}
