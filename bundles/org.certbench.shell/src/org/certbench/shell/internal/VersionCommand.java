package org.certbench.shell.internal;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.CryptoProviders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.certbench.core.commands.CommandHelp;

/**
 * {@code certbench:version} — which CertBench this is, on which Java, which implementation does its cryptography,
 * and where its state lives.
 */
@Component(service = VersionCommand.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=certbench",
        CommandProcessor.COMMAND_FUNCTION + "=version",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.shell.internal.help" })
public final class VersionCommand {

    private final BundleContext context;

    @Activate
    public VersionCommand(BundleContext context) {
        this.context = context;
    }

    public ProductVersion version() {
        Bundle self = context.getBundle();
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        return new ProductVersion("CertBench", self.getVersion().toString(),
                Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
                framework.getSymbolicName() + " " + framework.getVersion(), CryptoProviders.status(),
                StateDirectory.root().toString());
    }

}
