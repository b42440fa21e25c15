package org.certbench.app.internal;

import org.certbench.core.StateDirectory;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

import org.eclipse.e4.ui.services.IServiceConstants;

/** Help > About CertBench: the version, so an administrator can tell support what runs. */
public final class AboutHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        MessageDialog.openInformation(shell, Messages.About_title,
                NLS.bind(Messages.About_text, new Object[] { version, Runtime.version(), StateDirectory.root() }));
    }

}
