package org.certbench.app.internal.issuers;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.certbench.app.internal.Messages;
import org.certbench.core.WidgetIds;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.ExternalAccount;
import org.certbench.issuers.acme.AcmeIssuerSettings.HttpChallenge;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.ui.Buttons;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Add ACME issuer…: the CA's directory URL, a contact address, its terms of service (read in a Job from the CA and
 * shown; agreed to only by the checkbox), an optional External Account Binding (key id and the file holding the MAC
 * key, which is never shown) and how http-01 is answered (web root or standalone listener). On the dialog base like
 * the other issuer dialog: what is missing or wrong in the fields is said once one changed, and OK waits for it. The
 * service registers the account; its refusals stay on this dialog.
 */
final class AddAcmeIssuerDialog extends FormDialog {

    static final String NAME_ID = "issuers.acme.name"; //$NON-NLS-1$
    static final String DIRECTORY_ID = "issuers.acme.directory"; //$NON-NLS-1$
    static final String TERMS_BUTTON_ID = "issuers.acme.readTerms"; //$NON-NLS-1$
    static final String TERMS_ID = "issuers.acme.terms"; //$NON-NLS-1$
    static final String AGREE_ID = "issuers.acme.agree"; //$NON-NLS-1$
    static final String EMAIL_ID = "issuers.acme.email"; //$NON-NLS-1$
    static final String EAB_KID_ID = "issuers.acme.eabKid"; //$NON-NLS-1$
    static final String EAB_FILE_ID = "issuers.acme.eabFile"; //$NON-NLS-1$
    static final String WEBROOT_CHOICE_ID = "issuers.acme.webrootChoice"; //$NON-NLS-1$
    static final String WEBROOT_ID = "issuers.acme.webroot"; //$NON-NLS-1$
    static final String STANDALONE_CHOICE_ID = "issuers.acme.standaloneChoice"; //$NON-NLS-1$
    static final String PORT_ID = "issuers.acme.port"; //$NON-NLS-1$
    static final String BIND_ID = "issuers.acme.bind"; //$NON-NLS-1$

    private final AcmeIssuers acme;
    private Text name;
    private Text directory;
    private Text terms;
    private Button agree;
    private Text email;
    private Text eabKid;
    private Text eabFile;
    private Button webrootChoice;
    private Text webroot;
    private Text port;
    private Text bind;
    private Issuer added;

    AddAcmeIssuerDialog(Shell parent, AcmeIssuers acme) {
        super(parent, Messages.Issuers_addAcmeTitle, Messages.Issuers_addAcmeMessage);
        this.acme = acme;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The message wraps at this width instead of widening the dialog past the window. */
    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.min(size.x, 760), size.y);
    }

    @Override
    protected int columns() {
        return 3;
    }

    @Override
    protected void createRows(Composite body) {
        name = FieldRows.text(body, Messages.Issuers_nameLabel, NAME_ID, ""); //$NON-NLS-1$
        new Label(body, SWT.NONE).setText(Messages.Issuers_acmeDirectoryLabel);
        directory = new Text(body, SWT.BORDER | SWT.SINGLE);
        directory.setData(WidgetIds.KEY, DIRECTORY_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(directory);
        directory.setMessage("https://acme-v02.api.letsencrypt.org/directory"); //$NON-NLS-1$
        directory.addModifyListener(event -> termsUnknown());
        Buttons.push(body, Messages.Issuers_acmeReadTerms, TERMS_BUTTON_ID, this::readTerms);
        terms = FieldRows.text(body, Messages.Issuers_acmeTermsLabel, TERMS_ID, ""); //$NON-NLS-1$
        terms.setEditable(false);
        new Label(body, SWT.NONE);
        agree = new Button(body, SWT.CHECK);
        agree.setText(Messages.Issuers_acmeAgree);
        agree.setData(WidgetIds.KEY, AGREE_ID);
        agree.addListener(SWT.Selection, event -> {
            if (agree.getSelection() && Messages.Issuers_acmeAgreeFirst.equals(getErrorMessage())) {
                setErrorMessage(null);
            }
        });
        GridDataFactory.fillDefaults().span(2, 1).applyTo(agree);
        email = FieldRows.text(body, Messages.Issuers_acmeEmailLabel, EMAIL_ID, ""); //$NON-NLS-1$
        eabKid = FieldRows.text(body, Messages.Issuers_acmeEabKidLabel, EAB_KID_ID, ""); //$NON-NLS-1$
        eabFile = FieldRows.file(body, Messages.Issuers_acmeEabFileLabel, EAB_FILE_ID, "*.key;*.txt"); //$NON-NLS-1$

        webrootChoice = new Button(body, SWT.RADIO);
        webrootChoice.setText(Messages.Issuers_acmeWebrootChoice);
        webrootChoice.setData(WidgetIds.KEY, WEBROOT_CHOICE_ID);
        webrootChoice.setSelection(true);
        webroot = new Text(body, SWT.BORDER | SWT.SINGLE);
        webroot.setData(WidgetIds.KEY, WEBROOT_ID);
        webroot.setMessage("/var/www/html"); //$NON-NLS-1$
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(webroot);
        Buttons.push(body, Messages.Issuers_browse, "issuers.acme.webrootBrowse", this::browseWebroot); //$NON-NLS-1$
        Button standaloneChoice = new Button(body, SWT.RADIO);
        standaloneChoice.setText(Messages.Issuers_acmeStandaloneChoice);
        standaloneChoice.setData(WidgetIds.KEY, STANDALONE_CHOICE_ID);
        Composite listener = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(listener);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(listener);
        new Label(listener, SWT.NONE).setText(Messages.Issuers_acmePortLabel);
        port = new Text(listener, SWT.BORDER | SWT.SINGLE);
        port.setData(WidgetIds.KEY, PORT_ID);
        port.setText("80"); //$NON-NLS-1$
        GridDataFactory.fillDefaults().hint(60, SWT.DEFAULT).applyTo(port);
        new Label(listener, SWT.NONE).setText(Messages.Issuers_acmeBindLabel);
        bind = new Text(listener, SWT.BORDER | SWT.SINGLE);
        bind.setData(WidgetIds.KEY, BIND_ID);
        bind.setText("*"); //$NON-NLS-1$
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bind);
        termsUnknown();
        checkOnChange(name, directory, eabKid, eabFile, webrootChoice, standaloneChoice, webroot, port, bind);
    }

    /**
     * What the fields alone show wrong, in the order they stand; what needs the CA (its terms, a binding it
     * requires) is asked on OK.
     */
    @Override
    protected String problem() {
        if (name.getText().isBlank()) {
            return Messages.Issuers_nameMissing;
        }
        String url = directory.getText().strip();
        if (url.isEmpty()) {
            return Messages.Issuers_acmeDirectoryMissing;
        }
        if (parsedDirectory(url).isEmpty()) {
            return NLS.bind(Messages.Issuers_acmeDirectoryInvalid, url);
        }
        if (eabKid.getText().isBlank() != eabFile.getText().isBlank()) {
            return Messages.Issuers_acmeEabIncomplete;
        }
        if (webrootChoice.getSelection()) {
            return webroot.getText().isBlank() ? Messages.Issuers_acmeWebrootMissing : null;
        }
        return portNumber() < 0 ? NLS.bind(Messages.Issuers_acmePortInvalid, port.getText().strip()) : null;
    }

    /** The URL changed: terms read for another one are not the ones agreed to. */
    private void termsUnknown() {
        terms.setText(Messages.Issuers_acmeTermsNotRead);
        agree.setSelection(false);
        agree.setEnabled(false);
    }

    /** Asks the CA for its terms of service in a Job: a network call never runs on the UI thread. */
    private void readTerms() {
        Optional<URI> url = directoryUrl();
        if (url.isEmpty()) {
            return;
        }
        setErrorMessage(null);
        terms.setText(Messages.Issuers_acmeTermsReading);
        Shell shell = getShell();
        Job.create(Messages.Issuers_acmeTermsReading, monitor -> {
            String shown;
            boolean agreeable;
            String error = null;
            try {
                Optional<URI> read = acme.termsOfService(url.get());
                shown = read.map(URI::toString).orElse(Messages.Issuers_acmeNoTerms);
                agreeable = read.isPresent();
            } catch (IssuerException e) {
                shown = Messages.Issuers_acmeTermsNotRead;
                agreeable = false;
                error = e.getMessage();
            }
            String text = shown;
            boolean enable = agreeable;
            String problem = error;
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> showTerms(url.get(), text, enable, problem));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void showTerms(URI url, String text, boolean agreeable, String problem) {
        if (terms.isDisposed() || !url.toString().equals(directory.getText().strip())) {
            return;
        }
        terms.setText(text);
        agree.setEnabled(agreeable);
        if (problem != null) {
            setErrorMessage(problem);
        }
    }

    /** {@return the directory URL given, or empty after saying what is wrong with it} */
    private Optional<URI> directoryUrl() {
        String text = directory.getText().strip();
        Optional<URI> url = parsedDirectory(text);
        if (url.isEmpty()) {
            setErrorMessage(text.isEmpty() ? Messages.Issuers_acmeDirectoryMissing
                    : NLS.bind(Messages.Issuers_acmeDirectoryInvalid, text));
        }
        return url;
    }

    private static Optional<URI> parsedDirectory(String text) {
        try {
            URI url = new URI(text);
            if ("https".equalsIgnoreCase(url.getScheme()) && url.getHost() != null) { //$NON-NLS-1$
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // not a URL: empty, said by the caller
        }
        return Optional.empty();
    }

    /** {@return the listener's port, or -1 when it is not one} */
    private int portNumber() {
        try {
            int number = Integer.parseInt(port.getText().strip());
            return number < 1 || number > 65535 ? -1 : number;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void browseWebroot() {
        String chosen = new DirectoryDialog(getShell()).open();
        if (chosen != null) {
            webroot.setText(chosen);
        }
    }

    @Override
    protected void okPressed() {
        String issuerName = name.getText().strip();
        String problem = problem();
        if (problem != null) {
            setErrorMessage(problem);
            return;
        }
        URI url = parsedDirectory(directory.getText().strip()).orElseThrow();
        Optional<ExternalAccount> account = externalAccount();
        HttpChallenge challenge = challenge();
        // the terms were read and the CA has some: the checkbox, not the service's --agree-tos, is the way here
        if (agree.isEnabled() && !agree.getSelection()) {
            setErrorMessage(Messages.Issuers_acmeAgreeFirst);
            return;
        }
        String address = email.getText().strip();
        AcmeIssuerSettings settings = new AcmeIssuerSettings(issuerName, url,
                address.isEmpty() ? Optional.empty() : Optional.of(address), agree.getSelection(), account,
                challenge);
        // what the service would refuse in the shell's words (--agree-tos, --eab-kid) is asked here in the dialog's
        AtomicReference<URI> unagreedTerms = new AtomicReference<>();
        AtomicBoolean bindingMissing = new AtomicBoolean();
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(Messages.Issuers_acmeRegistering, IProgressMonitor.UNKNOWN);
                try {
                    Optional<URI> caTerms = acme.termsOfService(settings.directory());
                    if (caTerms.isPresent() && !settings.agreeToTerms()) {
                        unagreedTerms.set(caTerms.get());
                        return;
                    }
                    if (settings.externalAccount().isEmpty() && acme.externalAccountRequired(settings.directory())) {
                        bindingMissing.set(true);
                        return;
                    }
                    added = acme.add(settings);
                } catch (IssuerException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (unagreedTerms.get() != null) {
            showTerms(settings.directory(), unagreedTerms.get().toString(), true, Messages.Issuers_acmeAgreeFirst);
            return;
        }
        if (bindingMissing.get()) {
            setErrorMessage(Messages.Issuers_acmeEabRequired);
            return;
        }
        super.okPressed();
    }

    /** {@return the binding asked for, or empty for none (both fields given or neither: see problem())} */
    private Optional<ExternalAccount> externalAccount() {
        String kid = eabKid.getText().strip();
        String file = eabFile.getText().strip();
        return kid.isEmpty() ? Optional.empty() : Optional.of(new ExternalAccount(kid, Path.of(file)));
    }

    /** {@return how http-01 is answered (the fields checked by problem())} */
    private HttpChallenge challenge() {
        if (webrootChoice.getSelection()) {
            return new Webroot(Path.of(webroot.getText().strip()));
        }
        String address = bind.getText().strip();
        return new Standalone(address.isEmpty() ? "*" : address, portNumber()); //$NON-NLS-1$
    }

    /** {@return the issuer added, once OK succeeded} */
    Issuer added() {
        return added;
    }
}
