package org.certbench.host.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.CertificateSummary;
import org.certbench.crypto.HostIdentity;
import org.certbench.host.ApplyResult;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.RenewalMonitor;
import org.certbench.host.TargetStatus;
import org.certbench.host.TargetSummary;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.HostRenewer;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.ui.ContributedRows;
import org.certbench.ui.ShowCertificate;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The first seed's Host Certificates: pick a service (HTTPS, PostgreSQL, any plug-in's), see the certificate it
 * serves now, Generate a self-signed one for this host (after Save), Upload your own, or Renew with issuer… (a CA
 * configured in Settings > Issuers signs a key made here). All work runs off the UI thread.
 */
public final class HostCertificatesPart {

    public static final String TARGET_ID = "host.target"; //$NON-NLS-1$
    public static final String CERTIFICATE_ID = "host.certificate"; //$NON-NLS-1$
    public static final String STATE_ID = "host.state"; //$NON-NLS-1$
    public static final String GENERATE_ID = "host.generate"; //$NON-NLS-1$
    public static final String UPLOAD_ID = "host.upload"; //$NON-NLS-1$
    public static final String RENEW_ID = "host.renew"; //$NON-NLS-1$
    public static final String ACME_ID = "host.acme"; //$NON-NLS-1$
    /** {@link org.certbench.issuers.Issuer#type()} of the issuers "Get from ACME CA…" offers. */
    private static final String ACME_TYPE = "acme"; //$NON-NLS-1$
    public static final String REFRESH_ID = "host.refresh"; //$NON-NLS-1$

    @Inject
    @Service
    private HostCertificates hosts;

    @Inject
    private UISynchronize sync;

    /** Renewal through an issuer, where the renewal and issuers bundles are installed. */
    @Inject
    @Optional
    @Service
    private HostRenewer renewer;

    @Inject
    @Optional
    @Service
    private Issuers issuers;

    @Inject
    @Optional
    @Service
    private RenewalPolicies policies;

    /** The plug-ins' extra rows for the served certificate; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    private Shell shell;
    private List<TargetSummary> targets = List.of();
    private Combo target;
    private Label state;
    private Table certificate;
    private Button generate;
    private Button upload;
    private Button renew;
    private Button acme;

    @PostConstruct
    public void create(Composite parent) {
        shell = parent.getShell();
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(7).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.Part_service);
        target = new Combo(parent, SWT.READ_ONLY);
        target.setData(WidgetIds.KEY, TARGET_ID);
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(target);
        target.addListener(SWT.Selection, event -> showSelected());
        generate = button(parent, Messages.Part_generate, GENERATE_ID);
        generate.addListener(SWT.Selection, event -> generateSelected());
        upload = button(parent, Messages.Part_upload, UPLOAD_ID);
        upload.addListener(SWT.Selection, event -> uploadSelected());
        renew = button(parent, Messages.Part_renew, RENEW_ID);
        renew.addListener(SWT.Selection, event -> renewSelected(false));
        acme = button(parent, Messages.Part_acme, ACME_ID);
        acme.addListener(SWT.Selection, event -> renewSelected(true));
        button(parent, Messages.Part_refresh, REFRESH_ID).addListener(SWT.Selection, event -> reloadTargets());
        state = new Label(parent, SWT.WRAP);
        state.setData(WidgetIds.KEY, STATE_ID);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).hint(600, SWT.DEFAULT).applyTo(state);
        certificate = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        certificate.setData(WidgetIds.KEY, CERTIFICATE_ID);
        certificate.setLinesVisible(true);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, true).applyTo(certificate);
        new TableColumn(certificate, SWT.LEFT).setWidth(180);
        new TableColumn(certificate, SWT.LEFT).setWidth(700);
        reloadTargets();
    }

    @Focus
    public void focus() {
        target.setFocus();
    }

    /** Another view (Expiry) asks for a host service's certificate: that service is selected and shown. */
    @Inject
    @Optional
    void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (!"host".equals(request.kind()) || target == null || target.isDisposed()) { //$NON-NLS-1$
            return;
        }
        for (int index = 0; index < targets.size(); index++) {
            if (targets.get(index).id().equals(request.key()) && index != target.getSelectionIndex()) {
                target.select(index);
                showSelected();
            }
        }
    }

    /** The list of targets is in memory (DS services); the certificate each serves needs a handshake: a Job. */
    private void reloadTargets() {
        String selected = selectedId();
        targets = hosts.targets();
        target.setItems(targets.stream().map(TargetSummary::displayName).toArray(String[]::new));
        int index = 0;
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).id().equals(selected)) {
                index = i;
            }
        }
        if (targets.isEmpty()) {
            state.setText(Messages.Part_noTargets);
            generate.setEnabled(false);
            upload.setEnabled(false);
            renew.setEnabled(false);
            acme.setEnabled(false);
            return;
        }
        target.select(index);
        showSelected();
    }

    private String selectedId() {
        int index = target == null ? -1 : target.getSelectionIndex();
        return index < 0 || index >= targets.size() ? null : targets.get(index).id();
    }

    private void showSelected() {
        String id = selectedId();
        if (id == null) {
            return;
        }
        certificate.removeAll();
        ContributedRows.clear(certificate);
        state.setText(NLS.bind(Messages.Part_loading, target.getText()));
        Job.create(Messages.Job_show, monitor -> {
            try {
                TargetStatus status = hosts.show(id);
                sync.asyncExec(() -> show(status));
            } catch (HostCertificateException e) {
                sync.asyncExec(() -> showProblem(e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(TargetStatus status) {
        if (certificate.isDisposed() || !status.id().equals(selectedId())) {
            return;
        }
        generate.setEnabled(status.configured());
        upload.setEnabled(status.configured());
        renew.setEnabled(status.configured());
        acme.setEnabled(status.configured());
        certificate.removeAll();
        Certificate served = status.certificate();
        if (!status.configured()) {
            String required = status.known().stream().filter(setting -> setting.required())
                    .map(setting -> setting.key()).collect(Collectors.joining(", ")); //$NON-NLS-1$
            state.setText(NLS.bind(Messages.Part_notConfigured, new Object[] { status.displayName(), required, status.id() }));
        } else if (served == null) {
            state.setText(NLS.bind(Messages.Part_nothing, status.problem()));
        } else {
            state.setText(Messages.Part_served);
            CertificateSummary summary = served.summary();
            row(Messages.Field_subject, summary.subject());
            row(Messages.Field_names, String.join(", ", summary.subjectAlternativeNames())); //$NON-NLS-1$
            row(Messages.Field_issuer, summary.issuer());
            row(Messages.Field_validFrom, LocalDate.ofInstant(summary.notBefore(), ZoneOffset.UTC).toString());
            row(Messages.Field_validTo, LocalDate.ofInstant(summary.notAfter(), ZoneOffset.UTC).toString());
            row(Messages.Field_fingerprint, summary.sha256Fingerprint());
        }
        for (String warning : status.warnings()) {
            TableItem item = row(Messages.Field_warning, warning);
            item.setForeground(certificate.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
        }
        ContributedRows.append(certificate, served == null ? List.of() : List.of(served), contributors,
                Messages.Job_details);
        state.requestLayout();
    }

    private void showProblem(String problem) {
        if (!state.isDisposed()) {
            ContributedRows.clear(certificate);
            state.setText(problem);
            state.requestLayout();
        }
    }

    private TableItem row(String field, String value) {
        TableItem item = new TableItem(certificate, SWT.NONE);
        item.setText(new String[] { field, value });
        return item;
    }

    /** The seed's Generate: a confirmation naming what will be generated, then Save. */
    private void generateSelected() {
        String id = selectedId();
        HostIdentity host = hosts.host();
        String names = host.subjectAlternativeNames().stream().map(Object::toString).collect(Collectors.joining(", ")); //$NON-NLS-1$
        MessageDialog confirm = new MessageDialog(shell, Messages.Generate_title, null,
                NLS.bind(Messages.Generate_question, new Object[] { target.getText(), host.fqdn(), names }),
                MessageDialog.QUESTION, 0, Messages.Generate_save, IDialogConstants.CANCEL_LABEL);
        if (confirm.open() != 0) {
            return;
        }
        apply(Messages.Job_generate, () -> hosts.generate(id));
    }

    private void uploadSelected() {
        UploadDialog dialog = new UploadDialog(shell, hosts);
        if (dialog.open() == 0) {
            String id = selectedId();
            apply(Messages.Job_upload, () -> hosts.upload(id, dialog.certificateFile(), dialog.keyFile()));
        }
    }

    /**
     * Renew with issuer… (any issuer of host certificates) or Get from ACME CA… (the ACME issuers only): pick an
     * issuer (the host policy's first), then the renewal runs off the UI thread in a progress dialog whose Cancel
     * stops it before anything is installed.
     */
    private void renewSelected(boolean acmeOnly) {
        if (renewer == null || issuers == null) {
            MessageDialog.openError(shell, Messages.Error_title, Messages.Renew_unavailable);
            return;
        }
        List<RenewDialog.Choice> choices = issuers.list().stream().filter(each -> each.kinds().contains(IssueKind.HOST))
                .filter(each -> !acmeOnly || ACME_TYPE.equals(each.type()))
                .map(each -> new RenewDialog.Choice(each.name(), each.description())).toList();
        if (choices.isEmpty()) {
            MessageDialog.openError(shell, Messages.Error_title, acmeOnly ? Messages.Acme_noIssuers
                    : Messages.Renew_noIssuers);
            return;
        }
        String preselected = policies == null ? null : policies.policy(IssueKind.HOST).issuer().orElse(null);
        RenewDialog dialog = new RenewDialog(shell, acmeOnly ? Messages.Acme_title : Messages.Renew_title,
                target.getText(), choices, preselected);
        if (dialog.open() != 0) {
            return;
        }
        String id = selectedId();
        String service = target.getText();
        String issuer = dialog.chosen();
        ApplyResult[] result = new ApplyResult[1];
        try {
            new ProgressMonitorDialog(shell).run(true, true, monitor -> {
                monitor.beginTask(NLS.bind(Messages.Job_renew, service, issuer), IProgressMonitor.UNKNOWN);
                try {
                    result[0] = renewer.renew(id, issuer, new RenewalMonitor() {
                        @Override
                        public void subTask(String text) {
                            monitor.subTask(text);
                        }

                        @Override
                        public boolean isCanceled() {
                            return monitor.isCanceled();
                        }
                    });
                } catch (HostCertificateException | RenewalException e) {
                    throw new InvocationTargetException(e, e.getMessage());
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            showSelected();
            MessageDialog.openError(shell, Messages.Error_title, e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        showSelected();
        CertificateSummary applied = result[0].applied().summary();
        MessageDialog.openInformation(shell, Messages.Done_title, NLS.bind(Messages.Done_renewed,
                new Object[] { service, applied.commonName(), applied.sha256Fingerprint(), issuer }));
    }

    private interface Apply {
        ApplyResult run() throws HostCertificateException;
    }

    private void apply(String name, Apply work) {
        generate.setEnabled(false);
        upload.setEnabled(false);
        Job.create(name, monitor -> {
            try {
                ApplyResult result = work.run();
                sync.asyncExec(() -> {
                    showSelected();
                    CertificateSummary applied = result.applied().summary();
                    MessageDialog.openInformation(shell, Messages.Done_title, NLS.bind(Messages.Done_applied,
                            new Object[] { target.getText(), applied.commonName(), applied.sha256Fingerprint() }));
                });
                return Status.OK_STATUS;
            } catch (HostCertificateException e) {
                sync.asyncExec(() -> {
                    showSelected();
                    MessageDialog.openError(shell, Messages.Error_title, e.getMessage());
                });
                return Status.error(e.getMessage(), e);
            }
        }).schedule();
    }

    private static Button button(Composite parent, String label, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setData(WidgetIds.KEY, id);
        return button;
    }
}
