package org.certbench.truststore.ui.internal;

import org.certbench.truststore.OutboundTls;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Settings > Outbound Connections: the proxy and Test connection. */
public final class OutboundConnectionsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service OutboundTls tls,
            UISynchronize sync) {
        new OutboundConnectionsDialog(shell, tls, sync).open();
    }
}
