package org.certbench.host.ui.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.WidgetIds;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSetting;
import org.certbench.host.TargetSettings;
import org.certbench.host.TargetSummary;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The host services' settings, one field per setting the target declares (so a plug-in's target gets its page
 * too); Save sends the fields edited here through the service, as {@code host:configure} does
 * ({@link SettingEdits}), offered once every required setting (*) has a value; the first one missing is named in the
 * error line. Reading and writing a small properties file is quick: it is done directly, not in a Job.
 */
final class HostServicesDialog extends FormDialog {

    static final String TARGET_ID = "host.settings.target"; //$NON-NLS-1$
    static final String SAVE_ID = "host.settings.save"; //$NON-NLS-1$

    private final HostCertificates hosts;
    private final List<TargetSummary> targets;
    /** The fields of the service shown, in the order of its settings. */
    private final Map<String, Text> fields = new LinkedHashMap<>();
    /** The text each field showed when the settings were loaded: Save sends only what differs from it. */
    private final Map<String, String> shown = new HashMap<>();
    private Combo target;
    private Composite form;

    /** The service whose page shows first (Configure… in the view), or {@code null} for the first. */
    private final String first;

    HostServicesDialog(Shell parent, HostCertificates hosts) {
        this(parent, hosts, null);
    }

    HostServicesDialog(Shell parent, HostCertificates hosts, String first) {
        super(parent, Messages.Settings_title, Messages.Settings_message);
        this.hosts = hosts;
        this.targets = hosts.targets();
        this.first = first;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createRows(Composite rows) {
        form = rows;
        new Label(form, SWT.NONE).setText(Messages.Settings_service);
        target = new Combo(form, SWT.READ_ONLY);
        target.setData(WidgetIds.KEY, TARGET_ID);
        target.setItems(targets.stream().map(TargetSummary::displayName).toArray(String[]::new));
        target.addListener(SWT.Selection, event -> showTarget());
        GridDataFactory.fillDefaults().applyTo(target);
        if (!targets.isEmpty()) {
            target.select(Math.max(0, targets.stream().map(TargetSummary::id).toList().indexOf(first)));
            showTarget();
        }
    }

    @Override
    protected String problem() {
        if (targets.isEmpty()) {
            return null;
        }
        for (TargetSetting setting : selected().settings()) {
            Text field = fields.get(setting.key());
            if (setting.required() && field != null && field.getText().isBlank()) {
                return NLS.bind(Messages.Settings_required, setting.key(), selected().displayName());
            }
        }
        return null;
    }

    private TargetSummary selected() {
        return targets.get(target.getSelectionIndex());
    }

    private void showTarget() {
        // the first row, the service's, stays
        Control[] children = form.getChildren();
        for (int i = 2; i < children.length; i++) {
            children[i].dispose();
        }
        fields.clear();
        shown.clear();
        TargetSummary summary = selected();
        TargetSettings values;
        try {
            values = hosts.settings(summary.id());
        } catch (HostCertificateException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        for (TargetSetting setting : summary.settings()) {
            String value = values.value(setting.key()).orElse(""); //$NON-NLS-1$
            Text text = FieldRows.text(form, setting.key() + (setting.required() ? " *" : ""), //$NON-NLS-1$ //$NON-NLS-2$
                    "host.settings." + setting.key(), value); //$NON-NLS-1$
            Control[] row = form.getChildren();
            row[row.length - 2].setToolTipText(setting.description());
            shown.put(setting.key(), value);
            if (setting.defaultValue() != null && !setting.defaultValue().isBlank()) {
                text.setMessage(setting.defaultValue());
            }
            text.setToolTipText(setting.description());
            fields.put(setting.key(), text);
            checkOnChange(text);
        }
        form.requestLayout();
        if (getButtonBar() != null) {
            // another service shown: Save follows its fields, and so does the shell's size
            check();
            getShell().pack();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Settings_save, true).setData(WidgetIds.KEY, SAVE_ID);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
        check();
    }

    @Override
    protected void okPressed() {
        if (targets.isEmpty()) {
            super.okPressed();
            return;
        }
        Map<String, String> typed = new HashMap<>();
        fields.forEach((key, text) -> typed.put(key, text.getText()));
        try {
            TargetSettings saved = hosts.configure(selected().id(), SettingEdits.changes(shown, typed));
            // the fields show the file as stored now, a shell's change since the dialog opened included
            fields.forEach((key, text) -> {
                String value = saved.value(key).orElse(""); //$NON-NLS-1$
                text.setText(value);
                shown.put(key, value);
            });
            setErrorMessage(null);
            setMessage(NLS.bind(Messages.Settings_saved, saved.file()), IMessageProvider.INFORMATION);
        } catch (HostCertificateException e) {
            setErrorMessage(e.getMessage());
        }
    }
}
