package org.certbench.agents.ui.internal;

import java.util.List;

import org.certbench.core.IdenticalFields;
import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The details of the selected agents in a window of their own (Enter, or a double click): every field of one
 * agent, or the fields identical across several, with the reason an agent is not trusted.
 */
public final class AgentDetailsDialog extends Dialog {

    public static final String FIELDS_ID = "agents.details.fields"; //$NON-NLS-1$

    private final List<AgentRow> rows;

    private AgentDetailsDialog(Shell parent, List<AgentRow> rows) {
        super(parent);
        this.rows = List.copyOf(rows);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Opens the details of the view's selected agents; nothing when none is selected. */
    public static void open(Shell parent, AgentsPart view) {
        List<AgentRow> selected = view.selection();
        if (!selected.isEmpty()) {
            new AgentDetailsDialog(parent, selected).open();
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(rows.size() == 1 ? NLS.bind(Messages.Details_titleOne, rows.get(0).name())
                : NLS.bind(Messages.Details_titleSeveral, Plural.agents(rows.size())));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Table fields = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        fields.setData(WidgetIds.KEY, FIELDS_ID);
        fields.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(920, 260).applyTo(fields);
        TableColumn name = new TableColumn(fields, SWT.LEFT);
        TableColumn value = new TableColumn(fields, SWT.LEFT);
        IdenticalFields.of(rows.stream().map(AgentRow::fields).toList())
                .forEach((field, text) -> new TableItem(fields, SWT.NONE).setText(new String[] { field, text }));
        name.pack();
        value.pack();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
