package org.certbench.agents.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

/** The wizard's dialog: its pages act with their own buttons, so the last button only closes it. */
public final class ManageCertificatesWizardDialog extends WizardDialog {

    public ManageCertificatesWizardDialog(Shell parent, IWizard wizard) {
        super(parent, wizard);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.FINISH_ID).setText(IDialogConstants.CLOSE_LABEL);
    }
}
