package org.certbench.agents.ui.internal;

import java.nio.file.Path;

import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.ui.Buttons;
import org.certbench.ui.FieldRows;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** Step 1: Generate CSRs into a directory, named after the agents, with optional subject attributes. */
final class CsrPage extends WizardPage {

    static final String DIRECTORY_ID = "agents.wizard.csr.directory"; //$NON-NLS-1$
    static final String ORGANIZATION_ID = "agents.wizard.csr.o"; //$NON-NLS-1$
    static final String GENERATE_ID = "agents.wizard.csr.generate"; //$NON-NLS-1$
    static final String RETRY_ID = "agents.wizard.csr.retry"; //$NON-NLS-1$
    static final String RESULTS_ID = "agents.wizard.csr.results"; //$NON-NLS-1$

    private final ManageCertificatesWizard wizard;
    private Text directory;
    private Text organization;
    private Text unit;
    private Text country;
    private Text state;
    private Text locality;
    private Button retry;
    private ResultsTable results;
    private BatchResult<CsrFile> last;

    CsrPage(ManageCertificatesWizard wizard) {
        super("csr"); //$NON-NLS-1$
        this.wizard = wizard;
        setTitle(Messages.Wizard_csrTitle);
        setDescription(Messages.Wizard_csrDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        PageHelp.add(page, 3, Messages.Wizard_csrHelp);
        directory = FieldRows.directory(page, Messages.Wizard_directory, DIRECTORY_ID);
        organization = FieldRows.text(page, Messages.Wizard_organization, ORGANIZATION_ID, ""); //$NON-NLS-1$
        unit = FieldRows.text(page, Messages.Wizard_organizationUnit, "agents.wizard.csr.ou", ""); //$NON-NLS-1$
        country = FieldRows.text(page, Messages.Wizard_country, "agents.wizard.csr.c", ""); //$NON-NLS-1$
        state = FieldRows.text(page, Messages.Wizard_state, "agents.wizard.csr.st", ""); //$NON-NLS-1$
        locality = FieldRows.text(page, Messages.Wizard_locality, "agents.wizard.csr.l", ""); //$NON-NLS-1$
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().span(3, 1).applyTo(buttons);
        Buttons.push(buttons, Messages.Wizard_generateCsrs, GENERATE_ID)
                .addListener(SWT.Selection, event -> generate(wizard.agents()));
        retry = Buttons.push(buttons, Messages.Wizard_retry, RETRY_ID);
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, event -> generate(last.toRetry()));
        results = new ResultsTable(page, RESULTS_ID);
        setControl(page);
    }

    private void generate(java.util.List<String> names) {
        String target = directory.getText().strip();
        if (target.isEmpty()) {
            setErrorMessage(Messages.Wizard_noDirectory);
            return;
        }
        setErrorMessage(null);
        CsrSubject subject = new CsrSubject(organization.getText(), unit.getText(), country.getText(),
                state.getText(), locality.getText());
        BatchResult<CsrFile> result = wizard.run(names,
                (agents, monitor) -> wizard.fleet().generateCsrs(agents, subject, Path.of(target), monitor));
        if (result != null) {
            last = result;
            results.show(result, value -> ((CsrFile) value).file().toString());
            retry.setEnabled(!result.toRetry().isEmpty());
        }
    }
}
