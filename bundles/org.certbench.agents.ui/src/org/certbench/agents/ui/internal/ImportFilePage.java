package org.certbench.agents.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.CsvAgentLine;
import org.certbench.agents.connector.FleetException;
import org.certbench.ui.FieldRows;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;

/**
 * Page 1: the CSV file. The fleet reads it in a Job as soon as a path is given (it may be large or slow); the page
 * is complete when the file was read and holds agent lines, and otherwise says why not.
 */
final class ImportFilePage extends WizardPage {

    private final AgentFleet fleet;
    private Text file;
    private Path chosen;
    private List<CsvAgentLine> lines = List.of();

    ImportFilePage(AgentFleet fleet) {
        super("file"); //$NON-NLS-1$
        this.fleet = fleet;
        setTitle(Messages.Import_fileTitle);
        setDescription(Messages.Import_message);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        PageHelp.add(page, 3, Messages.Import_fileHelp);
        file = FieldRows.file(page, Messages.Import_file, ImportAgentsWizard.FILE_ID, "*.csv"); //$NON-NLS-1$
        file.addListener(SWT.Modify, event -> read());
        setControl(page);
    }

    /** {@return the file whose lines were read} */
    Path chosen() {
        return chosen;
    }

    /** {@return the agent lines of the chosen file, good or not} */
    List<CsvAgentLine> lines() {
        return lines;
    }

    private void read() {
        String typed = file.getText().strip();
        lines = List.of();
        chosen = null;
        setPageComplete(false);
        setErrorMessage(null);
        if (typed.isEmpty()) {
            return;
        }
        setMessage(Messages.Import_reading);
        Display display = file.getDisplay();
        Job job = Job.create(Messages.Import_reading, monitor -> {
            List<CsvAgentLine> read = List.of();
            String refusal = null;
            Path path = null;
            try {
                path = Path.of(typed);
                read = fleet.readCsv(path);
            } catch (FleetException | InvalidPathException e) {
                refusal = e.getMessage();
            }
            Path readPath = path;
            List<CsvAgentLine> result = read;
            String error = refusal;
            display.asyncExec(() -> show(typed, readPath, result, error));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** A read answers only while its path is still the one typed (typing goes faster than reading). */
    private void show(String typed, Path path, List<CsvAgentLine> read, String error) {
        if (file.isDisposed() || !typed.equals(file.getText().strip())) {
            return;
        }
        setMessage(Messages.Import_message);
        if (error != null) {
            setErrorMessage(error);
            return;
        }
        if (read.isEmpty()) {
            setErrorMessage(Messages.Import_noLines);
            return;
        }
        chosen = path;
        lines = read;
        setPageComplete(true);
    }
}
