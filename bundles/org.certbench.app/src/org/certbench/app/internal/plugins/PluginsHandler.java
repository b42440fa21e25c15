package org.certbench.app.internal.plugins;

import org.certbench.plugins.Plugins;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Settings > Plug-ins. */
public final class PluginsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service Plugins plugins) {
        new PluginsDialog(shell, plugins).open();
    }
}
