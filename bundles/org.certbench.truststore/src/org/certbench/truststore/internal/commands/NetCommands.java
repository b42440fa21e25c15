package org.certbench.truststore.internal.commands;

import java.net.URI;
import java.net.URISyntaxException;

import org.apache.felix.service.command.CommandProcessor;
import org.certbench.core.commands.CommandException;
import org.certbench.core.commands.CommandHelp;
import org.certbench.truststore.ConnectionCheck;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStoreException;
import org.certbench.truststore.internal.Messages;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code net:check} and {@code net:proxy} — outbound connections, verified against the CA certificates. */
@Component(service = NetCommands.class, property = {
        CommandProcessor.COMMAND_SCOPE + "=net",
        CommandProcessor.COMMAND_FUNCTION + "=check",
        CommandProcessor.COMMAND_FUNCTION + "=proxy",
        CommandHelp.MESSAGES_PROPERTY + "=org.certbench.truststore.internal.commands.nethelp" })
public final class NetCommands {

    private final OutboundTls tls;

    @Activate
    public NetCommands(@Reference OutboundTls tls) {
        this.tls = tls;
    }

    public ConnectionCheck check(String url) {
        ConnectionCheck check;
        try {
            check = tls.check(new URI(url));
        } catch (URISyntaxException e) {
            throw new CommandException(NLS.bind(Messages.Command_notAUrl, url, e.getReason()), e);
        }
        if (!check.success()) {
            throw new CommandException(check.message());
        }
        return check;
    }

    public String proxy() {
        return NLS.bind(Messages.Command_proxy, tls.proxy());
    }

    public String proxy(String none) {
        if (!"--none".equals(none)) { //$NON-NLS-1$
            throw new CommandException(Messages.Command_proxyArguments);
        }
        return set(ProxySettings.NONE);
    }

    public String proxy(String host, int port) {
        try {
            return set(new ProxySettings(host, port));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private String set(ProxySettings proxy) {
        try {
            tls.setProxy(proxy);
        } catch (TrustStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return NLS.bind(Messages.Command_proxy, proxy);
    }
}
