package org.certbench.agents.ui.internal.handlers;

import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.internal.AgentsPart;
import org.certbench.ui.commands.CopyText;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Display;

import jakarta.inject.Named;

/**
 * Ctrl+C: the selected rows as text, as the table shows them (header line, tab-separated), or the filter's selected
 * text when the focus is there.
 */
public final class CopyAgentsHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) AgentSelection selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    public void execute(AgentsPart view) {
        CopyText.copy(Display.getCurrent(), CopyText.selectedRows(view.table()));
    }
}
