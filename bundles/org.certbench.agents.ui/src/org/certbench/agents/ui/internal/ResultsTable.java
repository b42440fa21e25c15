package org.certbench.agents.ui.internal;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchResult;
import org.certbench.core.WidgetIds;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The per-agent outcome of a batch: agent, result, details; and a summary line. A result that worked may carry a
 * note for the administrator (the agent could not be told to forget its previous key, a file named after another
 * agent): it comes first in the details, where the column shows it without scrolling, and the summary counts it, as
 * {@code agent:renew} and {@code renewal:run} show it. The whole details of a row show where the pointer rests.
 */
final class ResultsTable {

    private final Table table;
    private final Label summary;
    private final StatusLook look;

    ResultsTable(Composite parent, String id) {
        summary = new Label(parent, SWT.WRAP);
        summary.setData(WidgetIds.KEY, id + ".summary"); //$NON-NLS-1$
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(summary);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(WidgetIds.KEY, id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(640, 180).applyTo(table);
        column(Messages.Wizard_result_agent, 140);
        column(Messages.Wizard_result_outcome, 110);
        column(Messages.Wizard_result_details, 520);
        look = new StatusLook(table);
        table.addListener(SWT.MouseHover, event -> {
            TableItem item = table.getItem(new Point(event.x, event.y));
            String details = item == null ? "" : item.getText(2); //$NON-NLS-1$
            table.setToolTipText(details.isEmpty() ? null : details);
        });
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    void show(BatchResult<?> result, java.util.function.Function<Object, String> describe) {
        table.removeAll();
        int succeeded = 0;
        int failed = 0;
        int canceled = 0;
        int noted = 0;
        for (AgentResult<?> agent : result.results()) {
            String outcome = switch (agent.outcome()) {
            case SUCCEEDED -> Messages.Wizard_succeeded;
            case FAILED -> Messages.Wizard_failed;
            case CANCELED -> Messages.Wizard_canceled;
            };
            succeeded += agent.outcome() == AgentResult.Outcome.SUCCEEDED ? 1 : 0;
            failed += agent.outcome() == AgentResult.Outcome.FAILED ? 1 : 0;
            canceled += agent.outcome() == AgentResult.Outcome.CANCELED ? 1 : 0;
            String details = agent.succeeded() ? describe.apply(agent.value()) : agent.message();
            if (agent.succeeded() && agent.message() != null) {
                noted++;
                details = NLS.bind(Messages.Wizard_detailsWithNote, details, agent.message());
            }
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { agent.agent(), outcome, details == null ? "" : details }); //$NON-NLS-1$
            // the outcome as every view marks a status: an icon and a colour chosen for the theme's background
            Mark mark = switch (agent.outcome()) {
            case SUCCEEDED -> Mark.FINE;
            case FAILED -> Mark.UNTRUSTED;
            case CANCELED -> Mark.UNREACHABLE;
            };
            item.setImage(1, look.image(mark));
            item.setForeground(1, look.color(mark));
        }
        for (String notice : result.notices()) {
            new TableItem(table, SWT.NONE).setText(new String[] { "", "", notice }); //$NON-NLS-1$ //$NON-NLS-2$
        }
        summary.setText(noted == 0 ? NLS.bind(Messages.Wizard_summary, new Object[] { succeeded, failed, canceled })
                : NLS.bind(Messages.Wizard_summaryWithNotes, new Object[] { succeeded, failed, canceled, noted }));
        summary.requestLayout();
    }
}
