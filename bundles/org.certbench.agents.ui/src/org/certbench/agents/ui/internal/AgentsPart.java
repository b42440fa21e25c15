package org.certbench.agents.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.ui.AgentSelection;
import org.certbench.agents.ui.AgentsView;
import org.certbench.core.IdenticalFields;
import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.truststore.CertificateChains;
import org.certbench.ui.ContributedRows;
import org.certbench.ui.ShowCertificate;
import org.certbench.ui.VirtualTable;
import org.certbench.ui.commands.CommandButtons;
import org.certbench.ui.details.CertificateDetails;
import org.certbench.ui.status.StatusLook;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The second seed's agents: a virtual, sortable, filterable table of the fleet with the live trust status and the
 * certificate of the selection (only the fields identical across several agents). It shows data and publishes its
 * selection ({@link AgentSelection}); what is done with the selection is the commands' handlers' work
 * (package {@code handlers}), reached by the seeds' buttons, the context menu, the main menu and keys.
 */
public final class AgentsPart {

    public static final String TABLE_ID = "agents.table"; //$NON-NLS-1$
    public static final String FILTER_ID = "agents.filter"; //$NON-NLS-1$
    public static final String COUNT_ID = "agents.count"; //$NON-NLS-1$
    public static final String CERTIFICATE_ID = "agents.certificate"; //$NON-NLS-1$
    public static final String CERTIFICATE_TITLE_ID = "agents.certificate.title"; //$NON-NLS-1$
    public static final String CHAIN_ID = "agents.certificate.chain"; //$NON-NLS-1$
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

    @Inject
    private IEclipseContext context;

    @Inject
    private ESelectionService selectionService;

    @Inject
    private EMenuService menuService;

    @Inject
    private EContextService contextService;

    @Inject
    private ECommandService commandService;

    @Inject
    private EHandlerService handlerService;

    /** Renewal's services; absent where its bundles are not installed (then no due dates). */
    @Inject
    @Optional
    @Service
    private RenewalPolicies renewalPolicies;

    @Inject
    @Optional
    @Service
    private Issuers issuers;

    /** Computes the Chain tab's path; absent while the trust store is stopped. */
    @Inject
    @Optional
    @Service
    private CertificateChains chains;

    /** The plug-ins' extra rows for the certificate panel; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    private VirtualTable<AgentRow> table;
    private Text filter;
    private Label count;
    private Label certificateTitle;
    private CertificateDetails details;
    /** The Details tab's table. */
    private Table certificate;
    /** The certificate whose path the Chain tab shows: a status arriving for it does not compute the path again. */
    private Certificate chainShown;
    private CommandButtons buttons;
    private AgentsRefresh refresh;
    /** What the last refresh left undone (cancelled), said beside the count until the next one. */
    private String refreshNote = ""; //$NON-NLS-1$
    private AgentsImport importer;
    /** What the last CSV import added, said beside the count until the next import or Refresh of all. */
    private String importNote = ""; //$NON-NLS-1$
    /** By name, not index: the model re-sorts and re-filters under the table. */
    private Set<String> selectedNames = Set.of();

    @PostConstruct
    public void create(Composite parent) {
        refresh = new AgentsRefresh(fleet, renewalPolicies, issuers,
                result -> sync.asyncExec(() -> showRefreshed(result)));
        // the handlers reach the view and its refresh through the part's context
        context.set(AgentsPart.class, this);
        context.set(AgentsRefresh.class, refresh);
        importer = new AgentsImport(fleet, report -> sync.asyncExec(() -> showImported(report)));
        publishSelection(List.of());
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        buttons = new CommandButtons(id -> handlerService.canExecute(commandService.createCommand(id, null)),
                this::execute);
        buttons.add(actions, Messages.Part_add, ADD_ID, AgentsView.ADD_COMMAND_ID);
        buttons.add(actions, Messages.Part_remove, REMOVE_ID, AgentsView.REMOVE_COMMAND_ID);
        buttons.add(actions, Messages.Part_refresh, REFRESH_ID, AgentsView.REFRESH_COMMAND_ID);
        buttons.add(actions, Messages.Part_trust, TRUST_ID, AgentsView.TRUST_COMMAND_ID);
        buttons.add(actions, Messages.Part_manage, MANAGE_ID, AgentsView.MANAGE_COMMAND_ID);
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
        count.setData(WidgetIds.KEY, COUNT_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        contextService.activateContext(AgentsView.VIEW_CONTEXT_ID);
        model.setEntries(fleet.list());
        showRows();
        refresh.all();
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
     * A shell using the same home, or a handler here, added, changed or removed agents: the table shows the
     * inventory as it is now, and the status of the agents that are new or changed is fetched (the others keep
     * theirs). New or changed means without a status of the agent as it is now.
     */
    private void showInventory(List<AgentEntry> now) {
        if (isDisposed()) {
            return;
        }
        model.setEntries(now);
        showRows();
        List<String> unchecked = now.stream().filter(entry -> !model.hasStatusOf(entry)).map(AgentEntry::name)
                .toList();
        if (!unchecked.isEmpty()) {
            refresh.of(unchecked);
        }
    }

    private void showRefreshed(AgentsRefresh.Refreshed result) {
        if (isDisposed()) {
            return;
        }
        if (result.notDone() > 0) {
            refreshNote = NLS.bind(Messages.Part_refreshCanceled, Plural.agents(result.asked() - result.notDone()),
                    Plural.agents(result.notDone()));
        } else if (result.asked() >= result.inventory().size()) {
            // only a refresh of the whole inventory answers for the agents a cancelled one left unasked
            refreshNote = ""; //$NON-NLS-1$
        }
        model.setEntries(result.inventory());
        model.setStatuses(result.statuses(), result.renewalDue());
        showRows();
    }

    /**
     * What an import added, beside the count; the lines not added, each with its whole reason, in a window of their
     * own (beside the count a reason was cut at the window's edge); the inventory is read again.
     */
    private void showImported(AgentsImport.Report report) {
        if (isDisposed()) {
            return;
        }
        importNote = report.summary();
        showCount();
        reloadInventory();
        if (!report.problems().isEmpty()) {
            new ImportReportDialog(count.getShell(), report).open();
        }
    }

    /** {@return what the Import wizard's Finish starts: the import in a Job that reports here} */
    public ImportAgentsWizard.Importer importer() {
        return importer;
    }

    /** F5: every agent of the inventory is asked for its certificate; the last import's report has been read. */
    public void refreshAll() {
        importNote = ""; //$NON-NLS-1$
        refresh.all();
    }

    /** These agents are asked for their certificates (after a handler changed them). */
    public void refreshAgents(List<String> names) {
        refresh.of(names);
    }

    /** Reads the inventory again now (after a handler here added or removed agents). */
    public void reloadInventory() {
        inventoryReader.schedule();
    }

    @Focus
    public void focus() {
        table.table().setFocus();
    }

    /** Ctrl+F: the filter, its text selected so that typing replaces it. */
    public void focusFilter() {
        filter.setFocus();
        filter.selectAll();
    }

    /** {@return the agents table, e.g. for copying its selected rows} */
    public Table table() {
        return table.table();
    }

    /** {@return the selected rows, as shown} */
    public List<AgentRow> selection() {
        return table.selection();
    }

    /** Another view (Expiry) asks for an agent: selected, with the filter cleared if it hides it. */
    @Inject
    @Optional
    void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (!"agent".equals(request.kind()) || isDisposed()) { //$NON-NLS-1$
            return;
        }
        selectedNames = Set.of(request.key());
        if (!filter.getText().isEmpty() && IntStream.range(0, model.size())
                .noneMatch(index -> model.get(index).name().equals(request.key()))) {
            filter.setText(""); //$NON-NLS-1$
        }
        showRows();
        table.table().showSelection();
    }

    private boolean isDisposed() {
        return table == null || table.table().isDisposed();
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        StatusLook look = new StatusLook(table.table());
        for (AgentColumn column : AgentColumn.values()) {
            boolean status = column == AgentColumn.STATUS;
            table.column(column.title, column.width, column.text, row -> status ? look.image(row.mark()) : null,
                    row -> status ? look.color(row.mark()) : null, () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        Table swtTable = table.table();
        swtTable.addListener(SWT.Selection, event -> {
            selectedNames = selection().stream().map(AgentRow::name).collect(Collectors.toSet());
            showSelection();
        });
        // a double click: the details, as Enter does through its key binding (not DefaultSelection, which Enter also
        // sends where the binding did not take the key: the details would open twice)
        swtTable.addListener(SWT.MouseDoubleClick, event -> execute(AgentsView.DETAILS_COMMAND_ID));
        // Delete, Enter and Ctrl+C act on the table only while it has the focus, not in the filter field
        swtTable.addListener(SWT.FocusIn, event -> contextService.activateContext(AgentsView.TABLE_CONTEXT_ID));
        swtTable.addListener(SWT.FocusOut, event -> contextService.deactivateContext(AgentsView.TABLE_CONTEXT_ID));
        menuService.registerContextMenu(swtTable, AgentsView.POPUP_MENU_ID);
        org.certbench.ui.layout.TableLayout.remember(swtTable, TABLE_ID);
        // the row's status and its reason, where the pointer rests
        swtTable.addListener(SWT.MouseHover, event -> {
            TableItem item = swtTable.getItem(new Point(event.x, event.y));
            int index = item == null ? -1 : swtTable.indexOf(item);
            swtTable.setToolTipText(index < 0 || index >= model.size() ? null : tooltip(model.get(index)));
        });
    }

    private static String tooltip(AgentRow row) {
        String reason = row.reason();
        return reason.isEmpty() ? row.name() + ": " + row.statusText() //$NON-NLS-1$
                : NLS.bind(Messages.Part_tooltip, new Object[] { row.name(), row.statusText(), reason });
    }

    private void execute(String commandId) {
        var command = commandService.createCommand(commandId, null);
        if (handlerService.canExecute(command)) {
            handlerService.executeHandler(command);
        }
    }

    private void createCertificatePanel(Composite parent) {
        Composite panel = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(panel);
        certificateTitle = new Label(panel, SWT.NONE);
        certificateTitle.setData(WidgetIds.KEY, CERTIFICATE_TITLE_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(certificateTitle);
        details = new CertificateDetails(panel, CERTIFICATE_ID, CHAIN_ID);
        certificate = details.fields();
    }

    /** {@return the trust store's path service for the details' Chain tab; null while it is stopped} */
    public CertificateChains chains() {
        return chains;
    }

    /** Refreshes keep the selection: a status arriving must not undo what the administrator selected. */
    private void showRows() {
        Set<String> selected = selectedNames;
        table.table().deselectAll();
        table.showRows();
        if (!selected.isEmpty()) {
            table.table().setSelection(IntStream.range(0, model.size())
                    .filter(index -> selected.contains(model.get(index).name())).toArray());
        }
        showCount();
        showSelection();
    }

    private void showCount() {
        StringBuilder said = new StringBuilder(java.text.MessageFormat.format(Messages.Part_count, model.size(),
                model.total()));
        for (String note : List.of(refreshNote, importNote)) {
            if (!note.isEmpty()) {
                said.append("  ").append(note); //$NON-NLS-1$
            }
        }
        count.setText(said.toString());
        // the notes may be longer than the window is wide: whole in the tooltip
        count.setToolTipText(said.toString());
        count.requestLayout();
    }

    /** One agent: its certificate; several: only the fields whose values are identical in all of them. */
    private void showSelection() {
        List<AgentRow> rows = selection();
        publishSelection(rows);
        buttons.update();
        certificate.removeAll();
        certificateTitle.setText(rows.size() > 1 ? NLS.bind(Messages.Part_certificateSeveral, rows.size())
                : Messages.Part_certificate);
        showChain(rows);
        if (rows.isEmpty()) {
            ContributedRows.append(certificate, List.of(), contributors, Messages.Job_details);
            return;
        }
        IdenticalFields.of(rows.stream().map(AgentRow::fields).toList()).forEach(details::row);
        // an agent without a certificate (unreachable) shares no contributed row with the others
        boolean allPresent = rows.stream().allMatch(row -> row.certificate() != null);
        ContributedRows.append(certificate, allPresent ? rows.stream().map(AgentRow::certificate).toList() : List.of(),
                contributors, Messages.Job_details);
    }

    /** The Chain tab: the path of one agent's certificate (presented, else pinned) to its root. */
    private void showChain(List<AgentRow> rows) {
        Certificate shown = rows.size() == 1 ? rows.get(0).certificate() : null;
        if (shown != null && shown.equals(chainShown)) {
            return;
        }
        chainShown = shown;
        if (shown == null) {
            // the fields are empty yet: clearing both tabs also drops a path still being computed
            details.clear();
            new TableItem(details.chain(), SWT.NONE).setText(Messages.Part_chainOne);
        } else {
            details.showChain(chains, shown, rows.get(0).possibleIssuers());
        }
    }

    /**
     * To other parts through the selection service; to the handlers also in the part's own context, so that a
     * handler run from this view (a button, a key) sees this view's selection even before the window noticed it.
     */
    private void publishSelection(List<AgentRow> rows) {
        Map<String, AgentStatus> statuses = new LinkedHashMap<>();
        rows.stream().filter(row -> row.status() != null).forEach(row -> statuses.put(row.name(), row.status()));
        AgentSelection selection = new AgentSelection(rows.stream().map(AgentRow::entry).toList(), statuses);
        context.set(IServiceConstants.ACTIVE_SELECTION, selection);
        if (selectionService != null) {
            selectionService.setSelection(selection);
        }
    }
}
