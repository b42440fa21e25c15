package org.certbench.agents.ui.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchResult;
import org.certbench.core.WidgetIds;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.Renewals;
import org.certbench.ui.Buttons;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Issue with an issuer: each agent makes a CSR, the chosen issuer signs it, the certificate is verified, applied
 * and confirmed by a new handshake — the renewal service's path ({@code agent:renew --issuer NAME --force}), in
 * one run with progress and Cancel; a failed agent keeps its certificate and its result says why.
 */
final class IssuePage extends WizardPage {

    static final String ISSUER_ID = "agents.wizard.issue.issuer"; //$NON-NLS-1$
    static final String REKEY_ID = "agents.wizard.issue.rekey"; //$NON-NLS-1$
    static final String ISSUE_ID = "agents.wizard.issue.apply"; //$NON-NLS-1$
    static final String RETRY_ID = "agents.wizard.issue.retry"; //$NON-NLS-1$
    static final String RESULTS_ID = "agents.wizard.issue.results"; //$NON-NLS-1$

    private final ManageCertificatesWizard wizard;
    private final Renewals renewals;
    private final Issuers issuers;
    private Combo issuer;
    private Button rekey;
    private Button issue;
    private Button retry;
    private ResultsTable results;
    private BatchResult<AppliedCertificate> last;

    IssuePage(ManageCertificatesWizard wizard, Renewals renewals, Issuers issuers) {
        super("issue"); //$NON-NLS-1$
        this.wizard = wizard;
        this.renewals = renewals;
        this.issuers = issuers;
        setTitle(Messages.Wizard_issueTitle);
        setDescription(Messages.Wizard_issueDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        PageHelp.add(page, 3, Messages.Wizard_issueHelp);
        new Label(page, SWT.NONE).setText(Messages.Wizard_issuer);
        issuer = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        issuer.setData(WidgetIds.KEY, ISSUER_ID);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(issuer);
        rekey = new Button(page, SWT.CHECK);
        rekey.setText(Messages.Wizard_issueRekey);
        rekey.setData(WidgetIds.KEY, REKEY_ID);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(rekey);
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(buttons);
        issue = Buttons.push(buttons, Messages.Wizard_issueApply, ISSUE_ID);
        issue.addListener(SWT.Selection, event -> issueAndApply(wizard.agents()));
        issue.setEnabled(false);
        retry = Buttons.push(buttons, Messages.Wizard_retry, RETRY_ID);
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, event -> issueAndApply(last.toRetry()));
        results = new ResultsTable(page, RESULTS_ID);
        setControl(page);
        loadIssuers();
    }

    /** The issuers that sign agents' certificates, read off the UI thread (command issuers are files). */
    private void loadIssuers() {
        Job.create(Messages.Wizard_issuersLoading, monitor -> {
            List<String> names = issuers.list().stream().filter(each -> each.kinds().contains(IssueKind.AGENT))
                    .map(Issuer::name).toList();
            issuer.getDisplay().asyncExec(() -> {
                if (!issuer.isDisposed()) {
                    issuer.setItems(names.toArray(String[]::new));
                    if (names.isEmpty()) {
                        setErrorMessage(Messages.Wizard_noIssuers);
                    } else {
                        issuer.select(0);
                        issue.setEnabled(true);
                    }
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void issueAndApply(List<String> names) {
        String chosen = issuer.getText();
        boolean newKey = rekey.getSelection();
        BatchResult<AppliedCertificate> result;
        try {
            result = wizard.run(names, (agents, monitor) -> {
                try {
                    return renewals.issueAndApply(agents, chosen, newKey, monitor);
                } catch (RenewalException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        if (result != null) {
            setErrorMessage(null);
            last = result;
            results.show(result, value -> {
                AppliedCertificate applied = (AppliedCertificate) value;
                return NLS.bind(Messages.Issue_result, new Object[] { chosen,
                        applied.certificate().sha256Fingerprint(),
                        LocalDate.ofInstant(applied.certificate().notAfter(), ZoneOffset.UTC) });
            });
            retry.setEnabled(!result.toRetry().isEmpty());
        }
    }
}
