package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.internal.AgentsPart;
import org.eclipse.e4.core.di.annotations.Execute;

/** Ctrl+F: to the filter field. */
public final class FocusFilterHandler {

    @Execute
    public void execute(AgentsPart view) {
        view.focusFilter();
    }
}
