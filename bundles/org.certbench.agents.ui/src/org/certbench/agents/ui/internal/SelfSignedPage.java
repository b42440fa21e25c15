package org.certbench.agents.ui.internal;

import java.util.List;

import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.core.WidgetIds;
import org.certbench.ui.Buttons;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Back to self-signed certificates: the existing ones, or a new key; Apply Changes; retry of failures. */
final class SelfSignedPage extends WizardPage {

    static final String EXISTING_ID = "agents.wizard.selfSigned.existing"; //$NON-NLS-1$
    static final String REKEY_ID = "agents.wizard.selfSigned.rekey"; //$NON-NLS-1$
    static final String APPLY_ID = "agents.wizard.selfSigned.apply"; //$NON-NLS-1$
    static final String RETRY_ID = "agents.wizard.selfSigned.retry"; //$NON-NLS-1$
    static final String RESULTS_ID = "agents.wizard.selfSigned.results"; //$NON-NLS-1$

    private final ManageCertificatesWizard wizard;
    private Button rekey;
    private Button retry;
    private ResultsTable results;
    private BatchResult<SelfSignedChange> last;

    SelfSignedPage(ManageCertificatesWizard wizard) {
        super("selfSigned"); //$NON-NLS-1$
        this.wizard = wizard;
        setTitle(Messages.Wizard_selfSignedTitle);
        setDescription(Messages.Wizard_selfSignedDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(page);
        Button existing = new Button(page, SWT.RADIO);
        existing.setText(Messages.Wizard_useExisting);
        existing.setData(WidgetIds.KEY, EXISTING_ID);
        existing.setSelection(true);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(existing);
        rekey = new Button(page, SWT.RADIO);
        rekey.setText(Messages.Wizard_rekey);
        rekey.setData(WidgetIds.KEY, REKEY_ID);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(rekey);
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(buttons);
        Buttons.push(buttons, Messages.Wizard_applyChanges, APPLY_ID)
                .addListener(SWT.Selection, event -> applyChanges(wizard.agents()));
        retry = Buttons.push(buttons, Messages.Wizard_retry, RETRY_ID);
        retry.setEnabled(false);
        retry.addListener(SWT.Selection, event -> applyChanges(last.toRetry()));
        results = new ResultsTable(page, RESULTS_ID);
        setControl(page);
    }

    private void applyChanges(List<String> names) {
        boolean newKey = rekey.getSelection();
        BatchResult<SelfSignedChange> result = wizard.run(names,
                (agents, monitor) -> wizard.fleet().applySelfSigned(agents, newKey, monitor));
        if (result != null) {
            last = result;
            results.show(result, value -> NLS.bind(Messages.SelfSigned_result, outcome(((SelfSignedChange) value).outcome()),
                    ((SelfSignedChange) value).certificate().sha256Fingerprint()));
            retry.setEnabled(!result.toRetry().isEmpty());
        }
    }

    private static String outcome(SelfSignedChange.Outcome outcome) {
        return switch (outcome) {
            case ALREADY_IN_USE -> Messages.SelfSigned_alreadyInUse;
            case RESTORED -> Messages.SelfSigned_restored;
            case CREATED -> Messages.SelfSigned_created;
            case REKEYED -> Messages.SelfSigned_rekeyed;
        };
    }
}
