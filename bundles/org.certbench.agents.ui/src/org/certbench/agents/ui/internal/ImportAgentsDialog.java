package org.certbench.agents.ui.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsvAgentLine;
import org.certbench.agents.connector.FleetException;
import org.certbench.core.WidgetIds;
import org.certbench.ui.Buttons;
import org.certbench.ui.FieldRows;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Import Agents from CSV: the file ({@code name,host,port} after a header line) is read by the fleet and previewed,
 * a row per agent line with its problem in words; Import adds the good lines in a Job (the window's progress line
 * can cancel it) and each row then shows its result. The dialog reads no file itself.
 */
public final class ImportAgentsDialog extends TitleAreaDialog {

    public static final String FILE_ID = "agents.import.file"; //$NON-NLS-1$
    public static final String ROWS_ID = "agents.import.rows"; //$NON-NLS-1$
    public static final String IMPORT_ID = "agents.import.run"; //$NON-NLS-1$

    private final AgentFleet fleet;
    private Text file;
    private Table rows;
    private Button importButton;
    private List<CsvAgentLine> lines = List.of();
    private boolean imported;

    public ImportAgentsDialog(Shell parent, AgentFleet fleet) {
        super(parent);
        this.fleet = fleet;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** {@return whether agents were imported (the view then reads its inventory again)} */
    public boolean imported() {
        return imported;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Import_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Import_title);
        setMessage(Messages.Import_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        file = FieldRows.file(body, Messages.Import_file, FILE_ID, "*.csv"); //$NON-NLS-1$
        file.addListener(SWT.Modify, event -> preview());
        rows = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        rows.setData(WidgetIds.KEY, ROWS_ID);
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(720, 240).applyTo(rows);
        column(Messages.Import_line, 50);
        column(Messages.Column_name, 140);
        column(Messages.Column_address, 170);
        column(Messages.Import_check, 340);
        importButton = Buttons.push(body, Messages.Import_run, IMPORT_ID, this::runImport);
        importButton.setEnabled(false);
        return area;
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(rows, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** The fleet reads the file in a Job; the rows and the refusal come back to the UI thread. */
    private void preview() {
        String chosen = file.getText().strip();
        rows.removeAll();
        importButton.setEnabled(false);
        setErrorMessage(null);
        if (chosen.isEmpty()) {
            return;
        }
        Display display = rows.getDisplay();
        Job.create(Messages.Import_reading, monitor -> {
            List<CsvAgentLine> read;
            String refusal = null;
            try {
                read = fleet.readCsv(Path.of(chosen));
            } catch (FleetException | java.nio.file.InvalidPathException e) {
                read = List.of();
                refusal = e.getMessage();
            }
            List<CsvAgentLine> result = read;
            String error = refusal;
            display.asyncExec(() -> showPreview(chosen, result, error));
            return Status.OK_STATUS;
        }).schedule();
    }

    private void showPreview(String chosen, List<CsvAgentLine> read, String error) {
        if (rows.isDisposed() || !chosen.equals(file.getText().strip())) {
            return;
        }
        lines = read;
        setErrorMessage(error);
        rows.removeAll();
        Display display = rows.getDisplay();
        for (CsvAgentLine line : read) {
            TableItem item = new TableItem(rows, SWT.NONE);
            item.setText(new String[] { Integer.toString(line.line()), line.name(),
                    line.host() == null ? "" : line.host() + (line.port() > 0 ? ":" + line.port() : ""), //$NON-NLS-1$ //$NON-NLS-2$
                    line.isGood() ? Messages.Import_good : line.problem() });
            if (!line.isGood()) {
                item.setForeground(3, display.getSystemColor(SWT.COLOR_RED));
            }
        }
        long good = read.stream().filter(CsvAgentLine::isGood).count();
        if (error == null) {
            setMessage(NLS.bind(Messages.Import_counted, Plural.agents((int) good), read.size() - good));
        }
        importButton.setEnabled(good > 0);
    }

    private void runImport() {
        Path chosen = Path.of(file.getText().strip());
        importButton.setEnabled(false);
        Display display = rows.getDisplay();
        Job.create(Messages.Import_job, monitor -> {
            BatchResult<AgentStatus> result;
            try {
                result = fleet.importCsv(chosen, new BatchProgress(monitor));
            } catch (FleetException e) {
                display.asyncExec(() -> {
                    if (!rows.isDisposed()) {
                        setErrorMessage(e.getMessage());
                    }
                });
                return Status.OK_STATUS;
            }
            display.asyncExec(() -> showResults(result));
            return Status.OK_STATUS;
        }).schedule();
    }

    /** Each line's result beside it: added, or why not (a bad line keeps its problem). */
    private void showResults(BatchResult<AgentStatus> result) {
        if (rows.isDisposed()) {
            return;
        }
        imported = true;
        Map<String, AgentResult<AgentStatus>> byAgent = new HashMap<>();
        result.results().forEach(one -> byAgent.put(one.agent(), one));
        TableItem[] items = rows.getItems();
        for (int i = 0; i < items.length && i < lines.size(); i++) {
            CsvAgentLine line = lines.get(i);
            AgentResult<AgentStatus> one = byAgent.get(line.name());
            if (line.isGood() && one != null) {
                items[i].setText(3, switch (one.outcome()) {
                case SUCCEEDED -> Messages.Import_added;
                case FAILED -> one.message();
                case CANCELED -> Messages.Wizard_canceled;
                });
                items[i].setForeground(3, one.succeeded() ? null : rows.getDisplay().getSystemColor(SWT.COLOR_RED));
            }
        }
        long added = result.results().stream().filter(AgentResult::succeeded).count();
        setMessage(NLS.bind(Messages.Import_done, Plural.agents((int) added), result.results().size() - added));
    }
}
