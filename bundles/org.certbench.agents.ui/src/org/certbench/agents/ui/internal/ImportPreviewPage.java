package org.certbench.agents.ui.internal;

import java.text.MessageFormat;
import java.util.List;

import org.certbench.agents.connector.CsvAgentLine;
import org.certbench.core.WidgetIds;
import org.certbench.ui.status.StatusLook;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Page 2: every agent line of the file with its problems in words, marked as the agents table marks a refused
 * certificate; a line with a problem is not imported. The counts read as English; Finish is offered only when at least one line can be imported.
 */
final class ImportPreviewPage extends WizardPage {

    private final ImportFilePage file;
    private Table rows;
    private StatusLook look;

    ImportPreviewPage(ImportFilePage file) {
        super("preview"); //$NON-NLS-1$
        this.file = file;
        setTitle(Messages.Import_previewTitle);
        setDescription(Messages.Import_previewDescription);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(page);
        PageHelp.add(page, 1, Messages.Import_previewHelp);
        rows = new Table(page, SWT.BORDER | SWT.FULL_SELECTION);
        rows.setData(WidgetIds.KEY, ImportAgentsWizard.ROWS_ID);
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(720, 240).applyTo(rows);
        column(Messages.Import_line, 50);
        column(Messages.Column_name, 140);
        column(Messages.Column_address, 170);
        column(Messages.Import_problems, 380);
        look = new StatusLook(rows);
        setControl(page);
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(rows, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    /** The lines of the file as page 1 read them, each time the page is shown (page 1 may have read another). */
    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            show(file.lines());
        }
        super.setVisible(visible);
    }

    private void show(List<CsvAgentLine> lines) {
        rows.removeAll();
        for (CsvAgentLine line : lines) {
            TableItem item = new TableItem(rows, SWT.NONE);
            item.setText(new String[] { Integer.toString(line.line()), line.name(), address(line),
                    line.isGood() ? Messages.Import_good : line.problem() });
            // the status icons and colours of the agents table, legible on a light and a dark theme
            StatusLook.Mark mark = line.isGood() ? StatusLook.Mark.FINE : StatusLook.Mark.UNTRUSTED;
            item.setImage(3, look.image(mark));
            item.setForeground(3, look.color(mark));
        }
        int good = (int) lines.stream().filter(CsvAgentLine::isGood).count();
        String counted = MessageFormat.format(Messages.Import_counted, Plural.agents(good), lines.size() - good);
        setMessage(counted, good == lines.size() ? IMessageProvider.NONE : IMessageProvider.WARNING);
        setPageComplete(good > 0);
        if (good == 0) {
            setErrorMessage(Messages.Import_noneGood);
        } else {
            setErrorMessage(null);
        }
    }

    private static String address(CsvAgentLine line) {
        if (line.host() == null || line.host().isEmpty()) {
            return ""; //$NON-NLS-1$
        }
        return line.port() > 0 ? line.host() + ":" + line.port() : line.host(); //$NON-NLS-1$
    }
}
