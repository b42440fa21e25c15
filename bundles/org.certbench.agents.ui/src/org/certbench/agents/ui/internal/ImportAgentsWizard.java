package org.certbench.agents.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.CsvAgentLine;
import org.eclipse.jface.wizard.Wizard;

/**
 * Import Agents from CSV: page 1 chooses the file, which the fleet reads ({@link AgentFleet#readCsv}, the wizard
 * reads no file itself); page 2 previews every line with its problems in words (a line with a problem is not
 * imported). Finish hands the import to a Job (the window's progress line shows it, with Cancel) and the view says
 * what was added.
 */
public final class ImportAgentsWizard extends Wizard {

    public static final String FILE_ID = "agents.import.file"; //$NON-NLS-1$
    public static final String ROWS_ID = "agents.import.rows"; //$NON-NLS-1$

    /** Starts the import of the chosen file; the view's {@link AgentsImport}. */
    public interface Importer {
        /** Starts importing the agents of {@code csvFile}, off the UI thread. */
        void start(Path csvFile);
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
        importer.start(file.chosen());
        return true;
    }

    /** {@return the lines read from the chosen file, good or not} */
    List<CsvAgentLine> lines() {
        return file.lines();
    }
}
