package org.certbench.agents.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.VerifiedCertificate;
import org.certbench.ui.Buttons;
import org.certbench.ui.FieldRows;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** Step 3: the CA file and the certificates directory; Verify Files, then Apply Certificates; retry of failures. */
final class ApplyPage extends WizardPage {

    static final String CA_ID = "agents.wizard.apply.ca"; //$NON-NLS-1$
    static final String DIRECTORY_ID = "agents.wizard.apply.directory"; //$NON-NLS-1$
    static final String VERIFY_ID = "agents.wizard.apply.verify"; //$NON-NLS-1$
    static final String APPLY_ID = "agents.wizard.apply.apply"; //$NON-NLS-1$
    static final String RETRY_ID = "agents.wizard.apply.retry"; //$NON-NLS-1$
    static final String RESULTS_ID = "agents.wizard.apply.results"; //$NON-NLS-1$

    private final ManageCertificatesWizard wizard;
    private Text ca;
    private Text directory;
    private Button apply;
    private Button retry;
    private ResultsTable results;
    private List<String> verified = List.of();
    private BatchResult<AppliedCertificate> lastApply;

    ApplyPage(ManageCertificatesWizard wizard) {
        super("apply"); //$NON-NLS-1$
        this.wizard = wizard;
        setTitle(Messages.Wizard_applyTitle);
        setDescription(Messages.Wizard_applyDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        PageHelp.add(page, 3, Messages.Wizard_applyHelp);
        ca = FieldRows.file(page, Messages.Wizard_caFile, CA_ID, "*.crt;*.cer;*.pem;*.der"); //$NON-NLS-1$
        directory = FieldRows.directory(page, Messages.Wizard_certificates, DIRECTORY_ID);
        ca.addListener(SWT.Modify, event -> forgetVerification());
        directory.addListener(SWT.Modify, event -> forgetVerification());
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(buttons);
        Buttons.push(buttons, Messages.Wizard_verify, VERIFY_ID).addListener(SWT.Selection, event -> verify());
        apply = Buttons.push(buttons, Messages.Wizard_apply, APPLY_ID);
        apply.setEnabled(false);
        apply.addListener(SWT.Selection, event -> apply(verified));
        retry = Buttons.push(buttons, Messages.Wizard_retry, RETRY_ID);
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, event -> apply(lastApply.toRetry()));
        results = new ResultsTable(page, RESULTS_ID);
        setControl(page);
    }

    private boolean inputsGiven() {
        if (ca.getText().isBlank()) {
            setErrorMessage(Messages.Wizard_noCa);
            return false;
        }
        if (directory.getText().isBlank()) {
            setErrorMessage(Messages.Wizard_noDirectory);
            return false;
        }
        setErrorMessage(null);
        return true;
    }

    private void verify() {
        if (!inputsGiven()) {
            return;
        }
        Path caFile = Path.of(ca.getText().strip());
        Path files = Path.of(directory.getText().strip());
        BatchResult<VerifiedCertificate> result = wizard.run(wizard.agents(),
                (agents, monitor) -> wizard.fleet().verifyCertificates(agents, caFile, files, monitor));
        if (result != null) {
            results.show(result, value -> ((VerifiedCertificate) value).file().getFileName() + ": "
                    + ((VerifiedCertificate) value).certificate().summary().subject());
            verified = result.values().stream().map(VerifiedCertificate::agent).toList();
            apply.setEnabled(!verified.isEmpty());
            retry.setEnabled(false);
        }
    }

    private void apply(List<String> names) {
        if (!inputsGiven()) {
            return;
        }
        Path caFile = Path.of(ca.getText().strip());
        Path files = Path.of(directory.getText().strip());
        BatchResult<AppliedCertificate> result = wizard.run(names,
                (agents, monitor) -> wizard.fleet().applyCertificates(agents, caFile, files, monitor));
        if (result != null) {
            lastApply = result;
            results.show(result, value -> ((AppliedCertificate) value).certificate().sha256Fingerprint());
            retry.setEnabled(!result.toRetry().isEmpty());
        }
    }

    private void forgetVerification() {
        verified = List.of();
        if (apply != null) {
            apply.setEnabled(false);
            retry.setEnabled(false);
        }
    }
}
