package org.certbench.agents.ui.internal;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The first page: which of the seed's paths. */
final class ChoosePathPage extends WizardPage {

    enum Path {
        CSR, APPLY, SELF_SIGNED, ISSUE
    }

    static final String CSR_ID = "agents.wizard.path.csr"; //$NON-NLS-1$
    static final String APPLY_ID = "agents.wizard.path.apply"; //$NON-NLS-1$
    static final String SELF_SIGNED_ID = "agents.wizard.path.selfSigned"; //$NON-NLS-1$
    static final String ISSUE_ID = "agents.wizard.path.issue"; //$NON-NLS-1$
    static final String STEP2_ID = "agents.wizard.path.step2"; //$NON-NLS-1$

    private Path path = Path.CSR;
    private final boolean canIssue;

    /** @param canIssue whether renewal's services are there to offer "Issue with an issuer" */
    ChoosePathPage(int agents, boolean canIssue) {
        super("choose"); //$NON-NLS-1$
        this.canIssue = canIssue;
        setTitle(NLS.bind(Messages.Wizard_choosePage, Plural.agents(agents)));
        setDescription(Messages.Wizard_chooseDescription);
    }

    Path path() {
        return path;
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().spacing(8, 12).applyTo(page);
        PageHelp.add(page, 1, Messages.Wizard_chooseHelp);
        radio(page, Messages.Wizard_pathCsr, CSR_ID, Path.CSR).setSelection(true);
        // the seed's step 2 happens outside CertBench, between generating the CSRs and applying the certificates
        Label step2 = new Label(page, SWT.WRAP);
        step2.setText(Messages.Wizard_step2);
        step2.setData(WidgetIds.KEY, STEP2_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(520, SWT.DEFAULT).indent(18, 0).applyTo(step2);
        radio(page, Messages.Wizard_pathApply, APPLY_ID, Path.APPLY);
        if (canIssue) {
            radio(page, Messages.Wizard_pathIssue, ISSUE_ID, Path.ISSUE);
        }
        radio(page, Messages.Wizard_pathSelfSigned, SELF_SIGNED_ID, Path.SELF_SIGNED);
        setControl(page);
    }

    private Button radio(Composite page, String label, String id, Path choice) {
        Button radio = new Button(page, SWT.RADIO);
        radio.setText(label);
        radio.setData(WidgetIds.KEY, id);
        radio.addListener(SWT.Selection, event -> {
            if (radio.getSelection()) {
                path = choice;
            }
        });
        return radio;
    }
}
