package org.certbench.example.haproxy.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.HaproxyCaFile;
import org.certbench.example.haproxy.HaproxyException;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * The plug-in's command in the Agents view's menus (added by this bundle's model fragment after the view's
 * {@code additions} anchors): HAProxy in front of the selected agents, trusting for each exactly what CertBench
 * trusts for it. It writes a {@code ca-file} with each agent's pinned certificate (or the CA trusted for it) and
 * shows the {@code backend} of haproxy.cfg whose {@code server} lines check the agents' certificates against it.
 * It receives the selection the Agents view publishes, an {@link AgentSelection}.
 */
public final class AgentsBackendHandler {

    private static final String FILE_NAME = "certbench-agents-ca.pem"; //$NON-NLS-1$

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        // the active selection is another view's type while another view is active
        return selection instanceof AgentSelection agents && !trusted(agents).isEmpty();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Object selection, @Optional FileChooser chooser) {
        if (!(selection instanceof AgentSelection agents)) {
            return;
        }
        List<AgentEntry> servers = trusted(agents);
        String chosen = (chooser == null ? FileChooser.NATIVE : chooser).choose(shell, Messages.Backend_chooseFile,
                FILE_NAME);
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            int written = HaproxyCaFile.write(file, servers.stream().map(AgentsBackendHandler::trustedFor).toList());
            String explanation = MessageFormat.format(Messages.Backend_explain, servers.size());
            int left = agents.agents().size() - servers.size();
            if (left > 0) {
                explanation += " " + MessageFormat.format(Messages.Backend_leftOut, left); //$NON-NLS-1$
            }
            ConfigLinesDialog.open(shell, Messages.Backend_title, MessageFormat.format(Messages.Backend_written,
                    written, file.toString()), explanation, backend(servers, file));
        } catch (HaproxyException e) {
            MessageDialog.openError(shell, Messages.Backend_title, e.getMessage());
        }
    }

    /** {@return the backend section: one {@code server} line per agent, checking its certificate against the file} */
    static String backend(List<AgentEntry> servers, Path caFile) {
        StringBuilder text = new StringBuilder("backend certbench_agents\n"); //$NON-NLS-1$
        for (AgentEntry agent : servers) {
            // HAProxy reads an IPv6 address with its ipv6@ prefix, the port after the last colon
            String address = agent.host().indexOf(':') >= 0 ? "ipv6@" + agent.host() + ":" + agent.port() //$NON-NLS-1$ //$NON-NLS-2$
                    : agent.address();
            text.append("    server ").append(agent.name()).append(' ').append(address) //$NON-NLS-1$
                    .append(" ssl verify required ca-file ").append(HaproxyCaFile.configWord(caFile)).append('\n'); //$NON-NLS-1$
        }
        return text.toString();
    }

    /** The selected agents CertBench trusts a certificate or a CA for. */
    private static List<AgentEntry> trusted(AgentSelection agents) {
        return agents.agents().stream().filter(agent -> trustedFor(agent) != null).toList();
    }

    private static Certificate trustedFor(AgentEntry agent) {
        return agent.pinnedCertificate() != null ? agent.pinnedCertificate() : agent.trustedCa();
    }
}
