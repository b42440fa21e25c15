package org.certbench.notify.ui.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.certbench.core.WidgetIds;
import org.certbench.notify.EmailSettings;
import org.certbench.notify.Notifications;
import org.certbench.notify.NotifyException;
import org.certbench.notify.SmtpSecurity;
import org.certbench.notify.WebhookAuth;
import org.certbench.notify.WebhookFormat;
import org.certbench.notify.WebhookSettings;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Add Email... / Add Webhook...: the fields of {@code notify:email} or {@code notify:webhook}; the service checks
 * them (in a Job: it reads the secret file and writes the home under its lock) and its refusal shows in the dialog.
 */
final class ChannelDialog extends TitleAreaDialog {

    static final String FIELD_PREFIX = "notify.field."; //$NON-NLS-1$

    private final Notifications notifications;
    private final boolean email;
    private Text name;
    private Text to;
    private Text from;
    private Text server;
    private Combo security;
    private Text user;
    private Text url;
    private Combo format;
    private Combo auth;
    private Text secretFile;
    private Text timeout;
    private Text runbook;

    ChannelDialog(Shell parent, Notifications notifications, boolean email) {
        super(parent);
        this.notifications = notifications;
        this.email = email;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(email ? Messages.Add_emailTitle : Messages.Add_webhookTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(email ? Messages.Add_emailTitle : Messages.Add_webhookTitle);
        setMessage(Messages.Add_description);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        name = text(form, Messages.Field_name, "name"); //$NON-NLS-1$
        if (email) {
            to = text(form, Messages.Field_to, "to"); //$NON-NLS-1$
            from = text(form, Messages.Field_from, "from"); //$NON-NLS-1$
            server = text(form, Messages.Field_server, "server"); //$NON-NLS-1$
            security = combo(form, Messages.Field_security, "security", //$NON-NLS-1$
                    Arrays.stream(SmtpSecurity.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
            user = text(form, Messages.Field_user, "user"); //$NON-NLS-1$
            secretFile = text(form, Messages.Field_passwordFile, "secretFile"); //$NON-NLS-1$
            timeout = text(form, Messages.Field_timeout, "timeout"); //$NON-NLS-1$
            timeout.setText(String.valueOf(EmailSettings.DEFAULT_TIMEOUT.toSeconds()));
        } else {
            url = text(form, Messages.Field_url, "url"); //$NON-NLS-1$
            format = combo(form, Messages.Field_format, "format", //$NON-NLS-1$
                    Arrays.stream(WebhookFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
            auth = combo(form, Messages.Field_auth, "auth", //$NON-NLS-1$
                    List.of(Messages.Auth_none, Messages.Auth_header, Messages.Auth_hmac));
            secretFile = text(form, Messages.Field_secretFile, "secretFile"); //$NON-NLS-1$
            timeout = text(form, Messages.Field_timeout, "timeout"); //$NON-NLS-1$
            timeout.setText(String.valueOf(WebhookSettings.DEFAULT_TIMEOUT.toSeconds()));
        }
        runbook = text(form, Messages.Field_runbook, "runbook"); //$NON-NLS-1$
        runbook.setMessage(Messages.Hint_runbook);
        return area;
    }

    private static Text text(Composite form, String label, String id) {
        new Label(form, SWT.NONE).setText(label);
        Text field = new Text(form, SWT.BORDER);
        field.setData(WidgetIds.KEY, FIELD_PREFIX + id);
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(field);
        return field;
    }

    private static Combo combo(Composite form, String label, String id, List<String> items) {
        new Label(form, SWT.NONE).setText(label);
        Combo combo = new Combo(form, SWT.READ_ONLY);
        combo.setData(WidgetIds.KEY, FIELD_PREFIX + id);
        combo.setItems(items.toArray(String[]::new));
        combo.select(0);
        return combo;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Add_save, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** What the fields say, checked as far as the UI can; the service checks the rest. */
    private interface Save {
        void run() throws NotifyException;
    }

    @Override
    protected void okPressed() {
        Save save;
        try {
            save = email ? emailSave() : webhookSave();
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        setErrorMessage(null);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        Display display = getShell().getDisplay();
        Job.create(Messages.Job_save, monitor -> {
            String failure = null;
            try {
                save.run();
            } catch (NotifyException e) {
                failure = e.getMessage();
            }
            String shown = failure;
            display.asyncExec(() -> saved(shown));
        }).schedule();
    }

    private Save emailSave() {
        String address = server.getText().strip();
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon <= 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(NLS.bind(Messages.Bad_server, address));
        }
        List<String> recipients = Arrays.stream(to.getText().split(",")).map(String::strip) //$NON-NLS-1$
                .filter(s -> !s.isEmpty()).toList();
        String login = user.getText().strip();
        String file = secretFile.getText().strip();
        Duration seconds = seconds(Messages.Bad_emailTimeout);
        EmailSettings settings = new EmailSettings(name.getText().strip(), recipients, from.getText().strip(),
                address.substring(0, colon), port, SmtpSecurity.values()[security.getSelectionIndex()],
                login.isEmpty() ? null : login, file.isEmpty() ? null : Path.of(file), seconds,
                runbook.getText().strip());
        return () -> notifications.addEmail(settings);
    }

    private Save webhookSave() {
        URI target;
        try {
            target = new URI(url.getText().strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(NLS.bind(Messages.Bad_url, url.getText().strip()), e);
        }
        String file = secretFile.getText().strip();
        Duration seconds = seconds(Messages.Bad_timeout);
        WebhookSettings settings = new WebhookSettings(name.getText().strip(), target,
                WebhookFormat.values()[format.getSelectionIndex()], WebhookAuth.values()[auth.getSelectionIndex()],
                file.isEmpty() ? null : Path.of(file), seconds, runbook.getText().strip());
        return () -> notifications.addWebhook(settings);
    }

    /** The timeout field as a duration; the service checks its range and says it in its words. */
    private Duration seconds(String refusal) {
        try {
            return Duration.ofSeconds(Long.parseLong(timeout.getText().strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NLS.bind(refusal, timeout.getText().strip(),
                    WebhookSettings.MAX_TIMEOUT.toSeconds()), e);
        }
    }

    private void saved(String failure) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        if (failure != null) {
            setErrorMessage(failure);
            getButton(IDialogConstants.OK_ID).setEnabled(true);
            return;
        }
        super.okPressed();
    }
}
