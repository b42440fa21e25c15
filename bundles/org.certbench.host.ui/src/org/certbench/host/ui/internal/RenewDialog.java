package org.certbench.host.ui.internal;

import java.util.List;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** "Renew with issuer…": which issuer signs the new certificate of the selected service. */
final class RenewDialog extends TitleAreaDialog {

    static final String ISSUER_ID = "host.renew.issuer"; //$NON-NLS-1$

    /** An issuer as the list shows it. */
    record Choice(String name, String description) {
    }

    private final String title;
    private final String service;
    private final List<Choice> choices;
    private final String preselected;
    private Combo issuer;
    private String chosen;

    RenewDialog(Shell parent, String title, String service, List<Choice> choices, String preselected) {
        super(parent);
        this.title = title;
        this.service = service;
        this.choices = List.copyOf(choices);
        this.preselected = preselected;
    }

    /** {@return the issuer's name chosen, after OK} */
    String chosen() {
        return chosen;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(NLS.bind(Messages.Renew_message, service));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        new Label(form, SWT.NONE).setText(Messages.Renew_issuer);
        issuer = new Combo(form, SWT.READ_ONLY);
        issuer.setData(WidgetIds.KEY, ISSUER_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(issuer);
        int selected = 0;
        for (int i = 0; i < choices.size(); i++) {
            Choice choice = choices.get(i);
            issuer.add(NLS.bind(Messages.Renew_choice, choice.name(), choice.description()));
            if (choice.name().equals(preselected)) {
                selected = i;
            }
        }
        issuer.select(selected);
        return area;
    }

    @Override
    protected void okPressed() {
        chosen = choices.get(issuer.getSelectionIndex()).name();
        super.okPressed();
    }
}
