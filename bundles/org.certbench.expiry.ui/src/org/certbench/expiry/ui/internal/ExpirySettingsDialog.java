package org.certbench.expiry.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.expiry.ExpiryException;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Settings > Expiry: the warning thresholds of each kind, through the overview service (which stores them in the
 * home, where the shell and other processes read them). Only the kinds whose field changed are stored. The file is
 * small but read and written under the home's lock, which another process may hold: the handler reads the thresholds
 * in a Job before opening, and Save stores them in a Job and closes the dialog when it is done. Save is offered only
 * while every field reads as days; the first that does not is named in the error line.
 */
final class ExpirySettingsDialog extends FormDialog {

    static final String FIELD_ID_PREFIX = "expiry.settings."; //$NON-NLS-1$

    private final ExpiryOverview overview;
    private final Map<String, List<Integer>> current;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();

    /** {@code current}: the thresholds of each kind shown, read before (not on the UI thread). */
    ExpirySettingsDialog(Shell parent, ExpiryOverview overview, Map<String, List<Integer>> current) {
        super(parent, Messages.Settings_title, Messages.Settings_description);
        this.overview = overview;
        this.current = new LinkedHashMap<>(current);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Control area = super.createDialogArea(parent);
        // the window says "Expiry", the title area what is set there
        setTitle(Messages.Settings_heading);
        return area;
    }

    @Override
    protected void createRows(Composite form) {
        for (String kind : current.keySet()) {
            String text = ThresholdText.format(current.get(kind));
            Text field = FieldRows.text(form, NLS.bind(Messages.Settings_field, KindNames.of(kind)),
                    FIELD_ID_PREFIX + kind, text);
            fields.put(kind, field);
            loaded.put(kind, text);
            checkOnChange(field);
        }
    }

    @Override
    protected String problem() {
        for (Map.Entry<String, Text> field : fields.entrySet()) {
            try {
                ThresholdText.parse(KindNames.of(field.getKey()), field.getValue().getText());
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Settings_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check();
    }

    /** Every field is checked before any is stored: a typo leaves all kinds as they were. */
    @Override
    protected void okPressed() {
        Map<String, List<Integer>> changed = new LinkedHashMap<>();
        try {
            fields.forEach((kind, field) -> {
                if (!field.getText().strip().equals(loaded.get(kind))) {
                    changed.put(kind, ThresholdText.parse(KindNames.of(kind), field.getText()));
                }
            });
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        if (changed.isEmpty()) {
            super.okPressed();
            return;
        }
        setErrorMessage(null);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        Display display = getShell().getDisplay();
        Job.create(Messages.Job_saveSettings, monitor -> {
            String failure = null;
            try {
                for (Map.Entry<String, List<Integer>> kind : changed.entrySet()) {
                    overview.setThresholds(kind.getKey(), kind.getValue());
                }
            } catch (ExpiryException e) {
                failure = e.getMessage();
            }
            String shown = failure;
            display.asyncExec(() -> saved(changed, shown));
        }).schedule();
    }

    private void saved(Map<String, List<Integer>> changed, String failure) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        if (failure != null) {
            setErrorMessage(failure);
            getButton(IDialogConstants.OK_ID).setEnabled(true);
            return;
        }
        changed.keySet().forEach(kind -> loaded.put(kind, fields.get(kind).getText().strip()));
        super.okPressed();
    }
}
