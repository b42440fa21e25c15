package org.certbench.agents.ui.internal;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A wizard page's help: the whole explanation in a label that wraps at the top of the page, since the title area
 * shows only the two lines of a short description.
 */
final class PageHelp {

    static final String ID = "agents.wizard.help"; //$NON-NLS-1$

    private PageHelp() {
    }

    /** Adds the help across the {@code columns} of the page's grid. */
    static Label add(Composite page, int columns, String text) {
        Label help = new Label(page, SWT.WRAP);
        help.setText(text);
        help.setData(WidgetIds.KEY, ID);
        GridDataFactory.fillDefaults().span(columns, 1).grab(true, false).hint(520, SWT.DEFAULT).applyTo(help);
        return help;
    }
}
