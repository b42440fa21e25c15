package org.certbench.truststore.ui.internal;

import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** The seed's Reload (and F5): reads the store's directory again, checks expiry, and says what changed. */
public final class ReloadCaHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service TrustStore store,
            UISynchronize sync) {
        StoreJobs.schedule(Messages.Job_reload, shell, sync, monitor -> {
            ReloadResult result = store.reload();
            sync.asyncExec(() -> {
                String text = NLS.bind(Messages.Reload_result,
                        new Object[] { result.certificates(), result.added(), result.removed() });
                if (!result.unreadable().isEmpty()) {
                    text += NLS.bind(Messages.Reload_unreadable, String.join("\n", result.unreadable())); //$NON-NLS-1$
                }
                if (!shell.isDisposed()) {
                    MessageDialog.openInformation(shell, Messages.Reload_title, text);
                }
            });
        });
    }
}
