package org.certbench.host.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificates;
import org.certbench.host.TargetStatus;
import org.certbench.host.TargetSummary;
import org.certbench.host.ui.HostCertificatesView;
import org.certbench.host.ui.HostServiceSelection;
import org.certbench.truststore.CertificateChains;
import org.certbench.ui.ContributedRows;
import org.certbench.ui.ShowCertificate;
import org.certbench.ui.commands.CommandButtons;
import org.certbench.ui.commands.CopyText;
import org.certbench.ui.details.CertificateDetails;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The first seed's Host Certificates: pick a service (HTTPS, PostgreSQL, any plug-in's), see the certificate it
 * serves now, Generate a self-signed one for this host (after Save), Upload your own, or Renew with issuer… (a CA
 * configured in Settings > Issuers signs a key made here). The part shows data and publishes the selected service
 * ({@link HostServiceSelection}); the actions are commands (handlers in this package, menus and keys in
 * fragment.e4xmi) which the seed's buttons run too. A service not configured yet offers Configure… (its page of
 * Settings > Host Services). All work runs off the UI thread.
 */
public final class HostCertificatesPart {

    public static final String TARGET_ID = "host.target"; //$NON-NLS-1$
    public static final String CERTIFICATE_ID = "host.certificate"; //$NON-NLS-1$
    public static final String STATE_ID = "host.state"; //$NON-NLS-1$
    public static final String GENERATE_ID = "host.generate"; //$NON-NLS-1$
    public static final String UPLOAD_ID = "host.upload"; //$NON-NLS-1$
    public static final String RENEW_ID = "host.renew"; //$NON-NLS-1$
    public static final String ACME_ID = "host.acme"; //$NON-NLS-1$
    public static final String REFRESH_ID = "host.refresh"; //$NON-NLS-1$
    public static final String CONFIGURE_ID = "host.configure"; //$NON-NLS-1$
    public static final String CHAIN_ID = "host.chain"; //$NON-NLS-1$

    @Inject
    @Service
    private HostCertificates hosts;

    @Inject
    private UISynchronize sync;

    @Inject
    private IEclipseContext context;

    @Inject
    private ESelectionService selectionService;

    @Inject
    private ECommandService commands;

    @Inject
    private EHandlerService handlers;

    @Inject
    private EMenuService menus;

    /** Asks e4 to enable the view's tool items again: a pure e4 application does not when the selection changes. */
    @Inject
    private IEventBroker events;

    /** Computes the Chain tab's path; absent while the trust store is stopped. */
    @Inject
    @Optional
    @Service
    private CertificateChains chains;

    /** The plug-ins' extra rows for the served certificate; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    private List<TargetSummary> targets = List.of();
    private Combo target;
    private Label state;
    private Button configure;
    private CertificateDetails details;
    /** The Details tab's table. */
    private Table certificate;
    private CommandButtons buttons;
    private StatusLook warningLook;

    @PostConstruct
    public void create(Composite parent) {
        // the handlers find the view and the selected service in the part's context
        context.set(HostCertificatesPart.class, this);
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(7).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.Part_service);
        target = new Combo(parent, SWT.READ_ONLY);
        target.setData(WidgetIds.KEY, TARGET_ID);
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(target);
        target.addListener(SWT.Selection, event -> showSelected());
        buttons = new CommandButtons(id -> handlers.canExecute(commands.createCommand(id, null)),
                id -> handlers.executeHandler(commands.createCommand(id, null)));
        buttons.add(parent, Messages.Part_generate, GENERATE_ID, HostCertificatesView.COMMAND_GENERATE);
        buttons.add(parent, Messages.Part_upload, UPLOAD_ID, HostCertificatesView.COMMAND_UPLOAD);
        buttons.add(parent, Messages.Part_renew, RENEW_ID, HostCertificatesView.COMMAND_RENEW);
        buttons.add(parent, Messages.Part_acme, ACME_ID, HostCertificatesView.COMMAND_ACME);
        buttons.add(parent, Messages.Part_refresh, REFRESH_ID, HostCertificatesView.COMMAND_REFRESH);
        Composite hint = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(hint);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, false).applyTo(hint);
        state = new Label(hint, SWT.WRAP);
        state.setData(WidgetIds.KEY, STATE_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(state);
        configure = buttons.add(hint, Messages.Part_configure, CONFIGURE_ID, HostCertificatesView.COMMAND_CONFIGURE);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).exclude(true).applyTo(configure);
        configure.setVisible(false);
        details = new CertificateDetails(parent, CERTIFICATE_ID, CHAIN_ID);
        GridDataFactory.fillDefaults().span(7, 1).grab(true, true).applyTo(details.control());
        certificate = details.fields();
        menus.registerContextMenu(certificate, HostCertificatesView.CONTEXT_MENU);
        // the Chain tab's table offers the same menu on a right click (e4 renders a part's popup menu once)
        details.chain().setMenu(certificate.getMenu());
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
    void reloadTargets() {
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
            publishSelection(null);
            return;
        }
        target.select(index);
        showSelected();
    }

    private String selectedId() {
        int index = target == null ? -1 : target.getSelectionIndex();
        return index < 0 || index >= targets.size() ? null : targets.get(index).id();
    }

    private TargetSummary selectedService() {
        int index = target == null ? -1 : target.getSelectionIndex();
        return index < 0 || index >= targets.size() ? null : targets.get(index);
    }

    /** The selection goes to the handlers (in the part's context) and to other views (the selection service). */
    private void publishSelection(TargetStatus read) {
        TargetSummary service = selectedService();
        HostServiceSelection selection = service == null ? null : new HostServiceSelection(service, read);
        context.set(HostServiceSelection.class, selection);
        selectionService.setSelection(selection);
        buttons.update();
        events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

    /** Reads what the selected service serves now, off the UI thread, and shows it. */
    void showSelected() {
        String id = selectedId();
        if (id == null || certificate.isDisposed()) {
            return;
        }
        publishSelection(null);
        showConfigure(false);
        details.clear();
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
        publishSelection(status);
        details.clear();
        Certificate served = status.certificate();
        showConfigure(!status.configured());
        if (!status.configured()) {
            // the required settings still missing, not every required one
            String required = status.known().stream().filter(setting -> setting.required())
                    .map(setting -> setting.key())
                    .filter(key -> status.settings().value(key).filter(value -> !value.isBlank()).isEmpty())
                    .collect(Collectors.joining(", ")); //$NON-NLS-1$
            // the rest of the view still shows what the service serves, if a handshake found something
            state.setText(NLS.bind(Messages.Part_notConfigured, status.displayName(), required));
            if (served != null) {
                showFields(served);
            }
        } else if (served == null) {
            state.setText(NLS.bind(Messages.Part_nothing, status.problem()));
        } else {
            state.setText(Messages.Part_served);
            showFields(served);
        }
        for (String warning : status.warnings()) {
            TableItem item = row(Messages.Field_warning, warning);
            item.setImage(warningLook().image(Mark.EXPIRING_SOON));
            item.setForeground(warningLook().color(Mark.EXPIRING_SOON));
        }
        ContributedRows.append(certificate, served == null ? List.of() : List.of(served), contributors,
                Messages.Job_details);
        if (served != null) {
            details.showChain(chains, served, status.served());
        }
        state.requestLayout();
    }

    /** The shared details widget's fields: subject, issuer, validity, names, key type and size, EKU, fingerprints. */
    private void showFields(Certificate served) {
        details.showFields(served);
    }

    /** Configure… shows beside the hint only for a service not configured yet. */
    private void showConfigure(boolean show) {
        configure.setVisible(show);
        ((org.eclipse.swt.layout.GridData) configure.getLayoutData()).exclude = !show;
        configure.requestLayout();
    }

    /**
     * Ctrl+C: in the Chain tab's table its selected rows (with the column titles), as the CA view copies its table;
     * otherwise the selected rows of the certificate table, or all of them, field and value separated by a tab.
     */
    String rowsAsText() {
        if (details.chain().isFocusControl()) {
            return CopyText.selectedRows(details.chain());
        }
        TableItem[] rows = certificate.getSelectionCount() > 0 ? certificate.getSelection() : certificate.getItems();
        return Arrays.stream(rows).map(item -> item.getText(0) + "\t" + item.getText(1)) //$NON-NLS-1$
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private void showProblem(String problem) {
        if (!state.isDisposed()) {
            ContributedRows.clear(certificate);
            state.setText(problem);
            state.requestLayout();
        }
    }

    /** A warning's icon and colour, as every view marks a concern: chosen for the table's background. */
    private StatusLook warningLook() {
        if (warningLook == null) {
            warningLook = new StatusLook(certificate);
        }
        return warningLook;
    }

    private TableItem row(String field, String value) {
        return details.row(field, value);
    }
}
