package org.certbench.truststore.ui.internal;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.certbench.core.WidgetIds;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CaStatus;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.ui.CaCertificateSelection;
import org.certbench.truststore.ui.CaCertificatesView;
import org.certbench.ui.ShowCertificate;
import org.certbench.ui.TableRows;
import org.certbench.ui.VirtualTable;
import org.certbench.ui.commands.CommandButtons;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.core.commands.ParameterizedCommand;
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
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The first seed's "CA Certificates": a virtual, sortable, filterable table of the trust store. It shows data and
 * publishes its selection ({@link CaCertificateSelection}); New Certificate, Details, Export, Delete and Reload are
 * commands (their handlers in this package, their menus and keys in fragment.e4xmi), which the seed's buttons run
 * too. What a shell using the same home imports or deletes shows without Reload: the store tells the part, which
 * shows its list again.
 */
public final class CaCertificatesPart {

    public static final String TABLE_ID = "ca.table"; //$NON-NLS-1$
    public static final String FILTER_ID = "ca.filter"; //$NON-NLS-1$
    public static final String COUNT_ID = "ca.count"; //$NON-NLS-1$
    public static final String NEW_ID = "ca.new"; //$NON-NLS-1$
    public static final String DETAILS_ID = "ca.details"; //$NON-NLS-1$
    public static final String EXPORT_ID = "ca.export"; //$NON-NLS-1$
    public static final String DELETE_ID = "ca.delete"; //$NON-NLS-1$
    public static final String RELOAD_ID = "ca.reload"; //$NON-NLS-1$
    /** The key binding context of the table (Delete), active while the table has the focus. */
    static final String TABLE_CONTEXT_ID = "org.certbench.truststore.ui.context.table"; //$NON-NLS-1$

    private final Clock clock = Clock.systemUTC();
    /** Ordered by the time of each sort: whether a certificate has expired depends on it. */
    private final TableRows<CaEntry, CaColumn> model = new TableRows<>(CaColumn.COMMON_NAME,
            column -> column.order(clock.instant()), CaFilter::matches);

    @Inject
    @Service
    private TrustStore store;

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

    @Inject
    private EContextService contexts;

    /** Asks e4 to enable the view's tool items again: a pure e4 application does not when the selection changes. */
    @Inject
    private IEventBroker events;

    private VirtualTable<CaEntry> table;
    private Text filter;
    private Label count;
    private CommandButtons buttons;
    /** The store's list as shown: a change the part itself already showed is not shown again. */
    private List<CaEntry> shown;
    /**
     * Reads the store's list off the UI thread: a read may look at the directory (listing it after a change) and
     * the home may be on a slow or hung file system. One Job, so the lists read reach the table in order.
     */
    private final Job reader = readerJob();
    private final Runnable storeChanged = () -> reader.schedule();

    private Job readerJob() {
        Job job = Job.create(Messages.Job_load, monitor -> {
            List<CaEntry> now = store.list();
            sync.asyncExec(() -> {
                if (table != null && !table.table().isDisposed() && now != shown) {
                    show(now);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        return job;
    }

    @PostConstruct
    public void create(Composite parent) {
        // the handlers find the view (Ctrl+F, Ctrl+C) and its selection in the part's context
        context.set(CaCertificatesPart.class, this);
        context.set(CaCertificateSelection.class, new CaCertificateSelection(List.of()));
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(1).applyTo(parent);
        createActions(parent);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Part_filter);
        filter.setData(WidgetIds.KEY, FILTER_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addListener(SWT.Modify, event -> {
            model.setFilter(filter.getText());
            showRows();
        });
        createTable(parent);
        count = new Label(parent, SWT.NONE);
        count.setData(WidgetIds.KEY, COUNT_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        show(store.list()); // the store read its directory when it started: a stat, unless a shell just changed it
        store.addChangeListener(storeChanged);
    }

    @PreDestroy
    public void dispose() {
        store.removeChangeListener(storeChanged);
        reader.cancel();
    }

    @Focus
    public void focus() {
        table.table().setFocus();
    }

    /** Another view (Expiry) asks for a CA certificate: selected, with the filter cleared if it hides it. */
    @Inject
    @Optional
    void show(@UIEventTopic(ShowCertificate.TOPIC) ShowCertificate request) {
        if (!"ca".equals(request.kind()) || table == null || table.table().isDisposed()) { //$NON-NLS-1$
            return;
        }
        if (indexOf(request.key()) < 0 && !filter.getText().isEmpty()) {
            filter.setText(""); //$NON-NLS-1$
        }
        int index = indexOf(request.key());
        if (index >= 0) {
            table.table().setSelection(index);
            table.table().showSelection();
            publishSelection();
        }
    }

    private int indexOf(String id) {
        for (int index = 0; index < model.size(); index++) {
            if (model.get(index).id().equals(id)) {
                return index;
            }
        }
        return -1;
    }

    /** The seed's buttons, labelled with its words, run the same commands as the menus and keys. */
    private void createActions(Composite parent) {
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        buttons = new CommandButtons(id -> handlers.canExecute(commands.createCommand(id, null)),
                id -> handlers.executeHandler(commands.createCommand(id, null)));
        buttons.add(actions, Messages.Part_newCertificate, NEW_ID, CaCertificatesView.COMMAND_NEW);
        buttons.add(actions, Messages.Part_details, DETAILS_ID, CaCertificatesView.COMMAND_DETAILS);
        buttons.add(actions, Messages.Part_export, EXPORT_ID, CaCertificatesView.COMMAND_EXPORT);
        buttons.add(actions, Messages.Part_delete, DELETE_ID, CaCertificatesView.COMMAND_DELETE);
        buttons.add(actions, Messages.Part_reload, RELOAD_ID, CaCertificatesView.COMMAND_RELOAD);
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.table());
        // the status as the Agents view shows one: an icon and a colour chosen for the theme's background
        StatusLook look = new StatusLook(table.table());
        for (CaColumn column : CaColumn.values()) {
            boolean status = column == CaColumn.STATUS;
            table.column(column.title, column.width, entry -> column.text(entry, clock.instant()),
                    entry -> status ? look.image(mark(entry)) : null, entry -> status ? look.color(mark(entry)) : null,
                    () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        table.table().setSortColumn(table.table().getColumn(0));
        table.table().setSortDirection(SWT.UP);
        table.table().addListener(SWT.Selection, event -> publishSelection());
        // Enter or a double click: Details, as the command runs it
        table.table().addListener(SWT.DefaultSelection, event -> {
            publishSelection();
            ParameterizedCommand details = commands.createCommand(CaCertificatesView.COMMAND_DETAILS, null);
            if (handlers.canExecute(details)) {
                handlers.executeHandler(details);
            }
        });
        // Delete acts on the table only while it has the focus, not in the filter field (where it deletes a character)
        table.table().addListener(SWT.FocusIn, event -> contexts.activateContext(TABLE_CONTEXT_ID));
        table.table().addListener(SWT.FocusOut, event -> contexts.deactivateContext(TABLE_CONTEXT_ID));
        menus.registerContextMenu(table.table(), CaCertificatesView.CONTEXT_MENU);
        org.certbench.ui.layout.TableLayout.remember(table.table(), TABLE_ID);
    }

    private Mark mark(CaEntry entry) {
        return switch (CaStatus.of(entry, clock.instant()).kind()) {
        case EXPIRED -> Mark.EXPIRED;
        case EXPIRES_SOON -> Mark.EXPIRING_SOON;
        case VALID -> Mark.FINE;
        };
    }

    private void show(List<CaEntry> entries) {
        shown = entries;
        model.setAll(shown);
        showRows();
    }

    private void showRows() {
        table.table().deselectAll();
        table.showRows();
        count.setText(countText(model.size(), model.total()));
        publishSelection();
    }

    /** {@return "1 of 1 CA certificate", "2 of 3 CA certificates": a choice pattern, which NLS.bind does not read} */
    static String countText(int shown, int total) {
        return MessageFormat.format(Messages.Part_count, shown, total);
    }

    List<CaEntry> selection() {
        return table.selection();
    }

    /** The selection goes to the handlers (in the part's context) and to other views (the selection service). */
    private void publishSelection() {
        CaCertificateSelection selection = new CaCertificateSelection(selection());
        context.set(CaCertificateSelection.class, selection);
        selectionService.setSelection(selection);
        if (buttons != null) {
            buttons.update();
        }
        events.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

    /** Ctrl+F: the filter gets the keyboard focus, its text selected. */
    void focusFilter() {
        filter.setFocus();
        filter.selectAll();
    }

    /** Ctrl+C: the selected rows as the table shows them, one line each, the columns separated by tabs. */
    String selectedRowsAsText() {
        Instant now = clock.instant();
        return selection().stream()
                .map(entry -> List.of(CaColumn.values()).stream().map(column -> column.text(entry, now))
                        .collect(Collectors.joining("\t"))) //$NON-NLS-1$
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
