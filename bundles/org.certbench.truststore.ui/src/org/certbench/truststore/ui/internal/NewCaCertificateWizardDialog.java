package org.certbench.truststore.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

/** The wizard's dialog, with the seed's word on its last button: Import, not Finish. */
final class NewCaCertificateWizardDialog extends WizardDialog {

    NewCaCertificateWizardDialog(Shell parent, IWizard wizard) {
        super(parent, wizard);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.FINISH_ID).setText(Messages.Wizard_import);
    }
}
