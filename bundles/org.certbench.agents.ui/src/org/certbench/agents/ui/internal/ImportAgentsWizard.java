package org.certbench.agents.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.CsvAgentLine;
import org.eclipse.jface.wizard.Wizard;

/**
 * Import Agents from CSV: page 1 chooses the file, which the fleet reads ({@link AgentFleet#readCsv}, the wizard
 * reads no file itself); page 2 previews every line with its problems in words (a line with a problem is not
 * imported). Finish hands the lines of the preview (the file is not read again) to a Job (the window's progress line
 * shows it, with Cancel) and the view says what was added.
 */
public final class ImportAgentsWizard extends Wizard {

    public static final String FILE_ID = "agents.import.file"; //$NON-NLS-1$
    public static final String ROWS_ID = "agents.import.rows"; //$NON-NLS-1$

    /** Starts the import of the lines previewed; the view's {@link AgentsImport}. */
    public interface Importer {
        /**
         * Starts importing, off the UI thread, the agent lines the preview showed (read from {@code csvFile} once,
         * for the preview: a file changed since is not read again).
         */
        void start(Path csvFile, List<CsvAgentLine> lines);
    }

    private final ImportFilePage file;
    private final ImportPreviewPage preview;
    private final Importer importer;

    /**
     * @param fleet    reads the file for the preview
     * @param importer what Finish starts
     */
    public ImportAgentsWizard(AgentFleet fleet, Importer importer) {
        this.importer = importer;
        setWindowTitle(Messages.Import_title);
        file = new ImportFilePage(fleet);
        preview = new ImportPreviewPage(file);
    }

    @Override
    public void addPages() {
        addPage(file);
        addPage(preview);
    }

    @Override
    public boolean canFinish() {
        return getContainer().getCurrentPage() == preview && preview.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        // what the preview showed, not the file as it may be now
        importer.start(file.chosen(), file.lines());
        return true;
    }

    /** {@return the lines read from the chosen file, good or not} */
    List<CsvAgentLine> lines() {
        return file.lines();
    }
}
