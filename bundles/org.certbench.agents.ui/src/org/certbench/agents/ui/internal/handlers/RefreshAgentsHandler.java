package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.internal.AgentsPart;
import org.eclipse.e4.core.di.annotations.Execute;

/** Refresh (F5): every agent is asked for its certificate, in a Job the window's progress line can cancel. */
public final class RefreshAgentsHandler {

    @Execute
    public void execute(AgentsPart view) {
        view.refreshAll();
    }
}
