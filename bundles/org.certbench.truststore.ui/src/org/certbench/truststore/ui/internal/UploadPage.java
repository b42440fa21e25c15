package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.SummaryField;
import org.certbench.truststore.CaCheck;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The wizard's page: the file, Upload, and what the check found. */
final class UploadPage extends WizardPage {

    static final String FILE_ID = "ca.wizard.file"; //$NON-NLS-1$
    static final String BROWSE_ID = "ca.wizard.browse"; //$NON-NLS-1$
    static final String UPLOAD_ID = "ca.wizard.upload"; //$NON-NLS-1$
    static final String RESULT_ID = "ca.wizard.result"; //$NON-NLS-1$

    private final NewCaCertificateWizard wizard;
    private Text file;
    private Text result;
    private Path acceptedFile;

    UploadPage(NewCaCertificateWizard wizard) {
        super("upload"); //$NON-NLS-1$
        this.wizard = wizard;
        setTitle(Messages.Wizard_pageTitle);
        setDescription(Messages.Wizard_pageDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(page);
        new Label(page, SWT.NONE).setText(Messages.Wizard_file);
        file = new Text(page, SWT.BORDER);
        file.setData(WidgetIds.KEY, FILE_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(file);
        file.addListener(SWT.Modify, event -> forgetCheck());
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.Wizard_browse);
        browse.setData(WidgetIds.KEY, BROWSE_ID);
        browse.addListener(SWT.Selection, event -> browse());
        Button upload = new Button(page, SWT.PUSH);
        upload.setText(Messages.Wizard_upload);
        upload.setData(WidgetIds.KEY, UPLOAD_ID);
        upload.addListener(SWT.Selection, event -> upload());
        result = new Text(page, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        result.setData(WidgetIds.KEY, RESULT_ID);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).hint(560, 300).applyTo(result);
        setControl(page);
        setPageComplete(false);
    }

    Path acceptedFile() {
        return acceptedFile;
    }

    void showCheck(Path checked, CaCheck check) {
        List<String> lines = new ArrayList<>();
        check.problems().forEach(problem -> lines.add("\u2716 " + problem)); //$NON-NLS-1$
        check.warnings().forEach(warning -> lines.add("\u26a0 " + warning)); //$NON-NLS-1$
        lines.addAll(check.notices());
        if (!lines.isEmpty()) {
            lines.add(""); //$NON-NLS-1$
        }
        for (Map.Entry<SummaryField, String> field : check.certificate().summary().fields().entrySet()) {
            lines.add(field.getKey().label() + ": " + field.getValue()); //$NON-NLS-1$
        }
        result.setText(String.join("\n", lines)); //$NON-NLS-1$
        if (!check.accepted()) {
            acceptedFile = null;
            setErrorMessage(NLS.bind(Messages.Wizard_refused, String.join("; ", check.problems()))); //$NON-NLS-1$
        } else {
            acceptedFile = checked;
            setErrorMessage(null);
            if (check.alreadyStored() != null) {
                setMessage(Messages.Wizard_alreadyStored, IMessageProvider.INFORMATION);
            } else if (!check.warnings().isEmpty()) {
                setMessage(check.warnings().get(0), IMessageProvider.WARNING);
            } else {
                setMessage(Messages.Wizard_acceptable, IMessageProvider.INFORMATION);
            }
        }
        setPageComplete(acceptedFile != null);
    }

    void showUnreadable(String reason) {
        acceptedFile = null;
        result.setText(reason);
        setErrorMessage(reason);
        setPageComplete(false);
    }

    private void upload() {
        String path = file.getText().strip();
        if (path.isEmpty()) {
            showUnreadable(Messages.Wizard_noFile);
            return;
        }
        wizard.upload(Path.of(path));
    }

    private void forgetCheck() {
        acceptedFile = null;
        result.setText(""); //$NON-NLS-1$
        setErrorMessage(null);
        setMessage(null);
        setPageComplete(false);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.pem;*.crt;*.der;*.PEM;*.CRT;*.DER" }); //$NON-NLS-1$
        dialog.setFilterNames(new String[] { Messages.Wizard_fileFilter });
        String chosen = dialog.open();
        if (chosen != null) {
            file.setText(chosen);
        }
    }
}
