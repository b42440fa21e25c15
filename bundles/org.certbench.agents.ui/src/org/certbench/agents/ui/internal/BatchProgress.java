package org.certbench.agents.ui.internal;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/** A batch's progress on an Eclipse progress monitor: one tick per agent, cancel from the monitor. */
public final class BatchProgress implements BatchMonitor {

    private final IProgressMonitor monitor;
    private SubMonitor progress;

    public BatchProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(int agents) {
        progress = SubMonitor.convert(monitor, org.eclipse.osgi.util.NLS.bind(Messages.Wizard_working, Plural.agents(agents)), agents);
    }

    @Override
    public void agentDone(AgentResult<?> result) {
        progress.worked(1);
        progress.subTask(result.agent());
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
