package org.certbench.agents.ui.internal;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * After a CSV import that left lines out: the counts, then every line not imported with its whole reason, wrapped
 * and scrolled rather than cut at the window's edge (a refused connection's reason is a sentence or two).
 */
final class ImportReportDialog extends Dialog {

    static final String SUMMARY_ID = "agents.import.report.summary"; //$NON-NLS-1$
    static final String PROBLEMS_ID = "agents.import.report.problems"; //$NON-NLS-1$

    private final AgentsImport.Report report;

    ImportReportDialog(Shell parent, AgentsImport.Report report) {
        super(parent);
        this.report = report;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Import_reportTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        int width = convertWidthInCharsToPixels(90);
        Label summary = new Label(area, SWT.WRAP);
        summary.setData(WidgetIds.KEY, SUMMARY_ID);
        summary.setText(report.summary());
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(summary);
        new Label(area, SWT.NONE).setText(Messages.Import_reportProblems);
        Text problems = new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        problems.setData(WidgetIds.KEY, PROBLEMS_ID);
        problems.setText(String.join("\n", report.problems())); //$NON-NLS-1$
        // a few lines' reasons in full without scrolling; a long list scrolls
        int lines = Math.min(16, Math.max(4, 2 * report.problems().size()));
        GridDataFactory.fillDefaults().grab(true, true).hint(width, convertHeightInCharsToPixels(lines))
                .applyTo(problems);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }
}
