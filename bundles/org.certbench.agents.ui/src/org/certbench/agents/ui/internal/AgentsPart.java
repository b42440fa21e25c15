package org.certbench.agents.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.FleetException;
import org.certbench.core.IdenticalFields;
import org.certbench.core.WidgetIds;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.Renewals;
import org.certbench.ui.Buttons;
import org.certbench.ui.ContributedRows;
import org.certbench.ui.ShowCertificate;
import org.certbench.ui.VirtualTable;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The second seed's agents: a virtual, sortable, filterable table of the fleet with the live trust status, the
 * certificate of the selection (only the fields identical across several agents), Trust this certificate and
 * Manage certificates for the whole selection. Everything that talks to agents runs in a Job.
 */
public final class AgentsPart {

    public static final String TABLE_ID = "agents.table"; //$NON-NLS-1$
    public static final String FILTER_ID = "agents.filter"; //$NON-NLS-1$
    public static final String CERTIFICATE_ID = "agents.certificate"; //$NON-NLS-1$
    public static final String CERTIFICATE_TITLE_ID = "agents.certificate.title"; //$NON-NLS-1$
    public static final String ADD_ID = "agents.add"; //$NON-NLS-1$
    public static final String REMOVE_ID = "agents.remove"; //$NON-NLS-1$
    public static final String REFRESH_ID = "agents.refresh"; //$NON-NLS-1$
    public static final String TRUST_ID = "agents.trust"; //$NON-NLS-1$
    public static final String MANAGE_ID = "agents.manage"; //$NON-NLS-1$

    private final AgentTableModel model = new AgentTableModel();

    @Inject
    @Service
    private AgentFleet fleet;

    @Inject
    private UISynchronize sync;

    /** Renewal's services; absent where its bundles are not installed (then no "Issue with" and no due dates). */
    @Inject
    @Optional
    @Service
    private RenewalPolicies renewalPolicies;

    @Inject
    @Optional
    @Service
    private Issuers issuers;

    @Inject
    @Optional
    @Service
    private Renewals renewals;

    /** The plug-ins' extra rows for the certificate panel; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    private Shell shell;
    private VirtualTable<AgentRow> table;
    private Text filter;
    private Label count;
    private Label certificateTitle;
    private Table certificate;
    private final List<Button> selectionActions = new ArrayList<>();
    /** By name, not index: the model re-sorts and re-filters under the table. */
    private java.util.Set<String> selectedNames = java.util.Set.of();

    @PostConstruct
    public void create(Composite parent) {
        shell = parent.getShell();
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        Buttons.push(actions, Messages.Part_add, ADD_ID, this::addAgent);
        selectionActions.add(Buttons.push(actions, Messages.Part_remove, REMOVE_ID, this::removeSelected));
        Buttons.push(actions, Messages.Part_refresh, REFRESH_ID, this::refreshAll);
        selectionActions.add(Buttons.push(actions, Messages.Part_trust, TRUST_ID, this::trustSelected));
        selectionActions.add(Buttons.push(actions, Messages.Part_manage, MANAGE_ID, this::manageSelected));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Part_filter);
        filter.setData(WidgetIds.KEY, FILTER_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addListener(SWT.Modify, event -> {
            model.setFilter(filter.getText());
            showRows();
        });
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        createCertificatePanel(sash);
        sash.setWeights(65, 35);
        count = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        model.setEntries(fleet.list());
        showRows();
        refreshAll();
        fleet.addChangeListener(inventoryChanged);
    }

    @PreDestroy
    public void dispose() {
        fleet.removeChangeListener(inventoryChanged);
        inventoryReader.cancel();
    }

    /**
     * Reads the inventory off the UI thread (a read may list the agents' directory and read changed files); one
     * Job, so the lists read reach the table in order.
     */
    private final Job inventoryReader = inventoryReaderJob();

    private final Runnable inventoryChanged = () -> inventoryReader.schedule();

    private Job inventoryReaderJob() {
        Job job = Job.create(Messages.Job_refresh, monitor -> {
            List<AgentEntry> now = fleet.list();
            sync.asyncExec(() -> showInventory(now));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        return job;
    }

    /**
     * A shell using the same home added, changed or removed agents: the table shows the inventory as it is now, and
     * the status of the agents that are new or changed is fetched (the others keep theirs). New or changed means
     * without a status of the agent as it is now: the inventory may already be shown, read by an earlier refresh.
     */
    private void showInventory(List<AgentEntry> now) {
        if (table == null || table.table().isDisposed()) {
            return;
        }
        model.setEntries(now);
        showRows();
        List<String> unchecked = now.stream().filter(entry -> !model.hasStatusOf(entry)).map(AgentEntry::name)
                .toList();
        if (!unchecked.isEmpty()) {
            refresh(unchecked);
        }
    }

    @Focus
    public void focus() {
        table.table().setFocus();
    }

    /** Another view (Expiry) asks for an agent: selected, with the filter cleared if it hides it. */
    @Inject
    @Optional
    void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (!"agent".equals(request.kind()) || table == null || table.table().isDisposed()) { //$NON-NLS-1$
            return;
        }
        selectedNames = java.util.Set.of(request.key());
        if (!filter.getText().isEmpty() && java.util.stream.IntStream.range(0, model.size())
                .noneMatch(index -> model.get(index).name().equals(request.key()))) {
            filter.setText(""); //$NON-NLS-1$
        }
        showRows();
        table.table().showSelection();
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        for (AgentColumn column : AgentColumn.values()) {
            table.column(column.title, column.width, column.text,
                    row -> column == AgentColumn.STATUS && row.status() != null && !row.status().isTrusted()
                            ? SWT.COLOR_RED : SWT.NONE,
                    () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        table.table().addListener(SWT.Selection, event -> {
            selectedNames = selection().stream().map(AgentRow::name).collect(java.util.stream.Collectors.toSet());
            showSelection();
        });
    }

    private void createCertificatePanel(Composite parent) {
        Composite panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(panel);
        certificateTitle = new Label(panel, SWT.NONE);
        certificateTitle.setData(WidgetIds.KEY, CERTIFICATE_TITLE_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(certificateTitle);
        certificate = new Table(panel, SWT.BORDER | SWT.FULL_SELECTION);
        certificate.setData(WidgetIds.KEY, CERTIFICATE_ID);
        certificate.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(certificate);
        new TableColumn(certificate, SWT.LEFT).setWidth(170);
        new TableColumn(certificate, SWT.LEFT).setWidth(700);
    }

    /** Refreshes keep the selection: a status arriving must not undo what the administrator selected. */
    private void showRows() {
        java.util.Set<String> selected = selectedNames;
        table.table().deselectAll();
        table.showRows();
        if (!selected.isEmpty()) {
            table.table().setSelection(java.util.stream.IntStream.range(0, model.size())
                    .filter(index -> selected.contains(model.get(index).name())).toArray());
        }
        count.setText(NLS.bind(Messages.Part_count, model.size(), model.total()));
        showSelection();
    }

    List<AgentRow> selection() {
        return table.selection();
    }

    /** One agent: its certificate; several: only the fields whose values are identical in all of them. */
    private void showSelection() {
        List<AgentRow> rows = selection();
        selectionActions.forEach(button -> button.setEnabled(!rows.isEmpty()));
        certificate.removeAll();
        certificateTitle.setText(rows.size() > 1 ? NLS.bind(Messages.Part_certificateSeveral, rows.size())
                : Messages.Part_certificate);
        if (rows.isEmpty()) {
            ContributedRows.append(certificate, List.of(), contributors, Messages.Job_details);
            return;
        }
        IdenticalFields.of(rows.stream().map(AgentRow::fields).toList())
                .forEach((field, value) -> new TableItem(certificate, SWT.NONE).setText(new String[] { field, value }));
        // an agent without a certificate (unreachable) shares no contributed row with the others
        boolean allPresent = rows.stream().allMatch(row -> row.certificate() != null);
        ContributedRows.append(certificate, allPresent ? rows.stream().map(AgentRow::certificate).toList() : List.of(),
                contributors, Messages.Job_details);
    }

    private void reloadInventory() {
        model.setEntries(fleet.list());
        showRows();
    }

    private void refreshAll() {
        List<String> names = fleet.list().stream().map(entry -> entry.name()).toList();
        refresh(names);
    }

    void refresh(List<String> names) {
        Job.create(Messages.Job_refresh, monitor -> {
            BatchResult<AgentStatus> result = fleet.refresh(names, new BatchProgress(monitor));
            List<AgentEntry> now = fleet.list();
            Map<String, String> due = new RenewalDueText(renewalPolicies, issuers).of(result.values());
            sync.asyncExec(() -> {
                if (!table.table().isDisposed()) {
                    model.setEntries(now);
                    model.setStatuses(result.values(), due);
                    showRows();
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void addAgent() {
        AddAgentDialog dialog = new AddAgentDialog(shell, fleet);
        if (dialog.open() == 0) {
            reloadInventory();
            refresh(List.of(dialog.addedName()));
        }
    }

    private void removeSelected() {
        List<String> names = selection().stream().map(AgentRow::name).toList();
        if (!MessageDialog.openConfirm(shell, Messages.Remove_title, NLS.bind(Messages.Remove_question, names.size()))) {
            return;
        }
        Job.create(Messages.Job_remove, monitor -> {
            List<String> failures = new ArrayList<>();
            for (String name : names) {
                try {
                    fleet.remove(name);
                } catch (FleetException e) {
                    failures.add(name + ": " + e.getMessage()); //$NON-NLS-1$
                }
            }
            sync.asyncExec(() -> {
                reloadInventory();
                if (!failures.isEmpty()) {
                    MessageDialog.openError(shell, Messages.Result_title, String.join("\n", failures)); //$NON-NLS-1$
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    /** Shows what will be trusted (old and new fingerprints side by side), then trusts exactly that. */
    private void trustSelected() {
        Map<String, String> confirmed = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (AgentRow row : selection()) {
            if (row.status() == null || row.status().certificate() == null) {
                continue;
            }
            String presented = row.status().certificate().sha256Fingerprint();
            String pinned = row.entry().pinnedCertificate() == null ? null
                    : row.entry().pinnedCertificate().sha256Fingerprint();
            confirmed.put(row.name(), presented);
            if (pinned != null && !pinned.equals(presented)) {
                lines.add(NLS.bind(Messages.Trust_lineChanged, new Object[] { row.name(), pinned, presented }));
            } else if (row.entry().pinnedKey() != null && !row.entry().hasPinnedKey(row.status().certificate())) {
                // trusting pins the presented key: the one pinned now is replaced
                lines.add(NLS.bind(Messages.Trust_lineKeyChanged, new Object[] { row.name(), presented,
                        row.entry().pinnedKey(), row.status().certificate().publicKeySha256Fingerprint() }));
            } else {
                lines.add(NLS.bind(Messages.Trust_line, row.name(), presented));
            }
        }
        if (confirmed.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.Trust_title, Messages.Trust_nothing);
            return;
        }
        if (!MessageDialog.openConfirm(shell, Messages.Trust_title,
                NLS.bind(Messages.Trust_question, String.join("\n", lines)))) { //$NON-NLS-1$
            return;
        }
        Job.create(Messages.Job_trust, monitor -> {
            BatchResult<?> result = fleet.trustConfirmed(confirmed, new BatchProgress(monitor));
            sync.asyncExec(() -> {
                showFailures(result);
                refresh(List.copyOf(confirmed.keySet()));
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void manageSelected() {
        List<String> names = selection().stream().map(AgentRow::name).toList();
        new ManageCertificatesWizardDialog(shell, new ManageCertificatesWizard(fleet, names, renewals, issuers)).open();
        refresh(names);
    }

    private void showFailures(BatchResult<?> result) {
        List<? extends AgentResult<?>> failed = result.failed();
        if (!failed.isEmpty()) {
            String text = failed.stream().map(failure -> failure.agent() + ": " + failure.message()) //$NON-NLS-1$
                    .collect(Collectors.joining("\n")); //$NON-NLS-1$
            MessageDialog.openError(shell, Messages.Result_title,
                    NLS.bind(Messages.Result_failed, new Object[] { failed.size(), result.results().size(), text }));
        }
    }


}
