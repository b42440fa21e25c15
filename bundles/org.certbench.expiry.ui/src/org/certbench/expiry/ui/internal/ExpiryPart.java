package org.certbench.expiry.ui.internal;

import java.text.MessageFormat;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.certbench.ui.TableRows;
import org.certbench.ui.VirtualTable;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.EContextService;
import org.eclipse.e4.ui.services.EMenuService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Issue 19's Expiry view: every certificate CertBench knows, one row each, sorted by days left, with the timeline
 * of the coming year above. Created when first shown (Window > Show View > Expiry); the rows are read from the
 * overview service in a Job and again whenever the service says they changed. A double-click opens the
 * certificate in its own view (a plug-in's in the view the plug-in marks for its kind); when there is none, a line
 * below the table says why. Its commands (the bundle's model fragment): Show Certificate (Enter, a double click),
 * Copy (Ctrl+C: the selected rows as text) while the table has the focus, Filter (Ctrl+F) in the view, the table's
 * context menu.
 */
public final class ExpiryPart {

    public static final String PART_ID = "org.certbench.expiry.ui.part.expiry"; //$NON-NLS-1$
    public static final String TABLE_ID = "expiry.table"; //$NON-NLS-1$
    public static final String FILTER_ID = "expiry.filter"; //$NON-NLS-1$
    public static final String COUNT_ID = "expiry.count"; //$NON-NLS-1$
    public static final String WEEK_ID = "expiry.week"; //$NON-NLS-1$
    public static final String NOTICE_ID = "expiry.notice"; //$NON-NLS-1$
    /** The table's context menu, from the bundle's model fragment. */
    static final String POPUP_MENU_ID = "org.certbench.expiry.ui.popup.expiry"; //$NON-NLS-1$
    /** The key binding context of the table (Ctrl+C), active while it has the focus, not in the filter field. */
    static final String TABLE_CONTEXT_ID = "org.certbench.expiry.ui.context.table"; //$NON-NLS-1$
    /** Show Certificate: the selected row's certificate in its own view. */
    static final String OPEN_COMMAND_ID = "org.certbench.expiry.ui.command.open"; //$NON-NLS-1$

    private final TableRows<ExpiryLine, ExpiryColumn> model = new TableRows<>(ExpiryColumn.DAYS_LEFT,
            ExpiryColumn::order, ExpiryColumn::matches);

    @Inject
    private UISynchronize sync;

    @Inject
    @Service
    private ExpiryOverview overview;

    @Inject
    private CertificateOpener opener;

    @Inject
    private IEclipseContext context;

    @Inject
    private EContextService contexts;

    @Inject
    private EMenuService menus;

    @Inject
    private ECommandService commands;

    @Inject
    private EHandlerService handlers;

    private Text filter;

    private ExpiryColors colors;
    private Timeline timeline;
    private VirtualTable<ExpiryLine> table;
    private Link week;
    private Label count;
    /** Why the row double-clicked last could not be opened; hidden otherwise. */
    private Label notice;
    private Snapshot shown;
    private List<ExpiryLine> all = List.of();
    /** The timeline's selected bar, or {@code null} for all rows. */
    private Integer selectedBar;

    /** One Job, so the lists read reach the table in order. */
    private final Job reader = readerJob();
    private final Runnable changed = reader::schedule;

    private Job readerJob() {
        Job job = Job.create(Messages.Job_load, monitor -> {
            Snapshot snapshot = Snapshot.read(overview);
            sync.asyncExec(() -> show(snapshot));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        return job;
    }

    @PostConstruct
    public void create(Composite parent) {
        // the handlers (Show Certificate, Copy, Filter) find the view in the part's context
        context.set(ExpiryPart.class, this);
        colors = new ExpiryColors(parent.getDisplay());
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Part_filter);
        filter.setData(WidgetIds.KEY, FILTER_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addListener(SWT.Modify, event -> {
            model.setFilter(filter.getText());
            showRows();
        });
        timeline = new Timeline(parent, colors, this::showWeek, new Timeline.Keys() {
            @Override
            public void step(int rows) {
                stepRow(rows);
            }

            @Override
            public void open() {
                openSelected();
            }

            @Override
            public void leave() {
                table.table().setFocus();
            }
        });
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 180).applyTo(timeline.canvas());
        week = new Link(parent, SWT.NONE);
        week.setData(WidgetIds.KEY, WEEK_ID);
        week.addListener(SWT.Selection, event -> {
            timeline.select(null);
            showWeek(null);
        });
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(week);
        week.setVisible(false);
        createTable(parent);
        notice = new Label(parent, SWT.WRAP);
        notice.setData(WidgetIds.KEY, NOTICE_ID);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).exclude(true).applyTo(notice);
        notice.setVisible(false);
        count = new Label(parent, SWT.NONE);
        count.setData(WidgetIds.KEY, COUNT_ID);
        count.setText(Messages.Part_loading);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        overview.addChangeListener(changed);
        reader.schedule();
    }

    @PreDestroy
    public void dispose() {
        overview.removeChangeListener(changed);
        reader.cancel();
        colors.dispose();
    }

    @Focus
    public void focus() {
        table.table().setFocus();
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.table());
        for (ExpiryColumn column : ExpiryColumn.values()) {
            table.column(column.title, column.width, line -> line.cell(column),
                    line -> column == ExpiryColumn.KIND ? colors.icon(line.row().urgency(), dark()) : null,
                    line -> colors.text(line.row().urgency(), dark()), () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        table.table().setSortColumn(table.table().getColumn(ExpiryColumn.DAYS_LEFT.ordinal()));
        table.table().setSortDirection(SWT.UP);
        // Enter or a double click: Show Certificate, as its menu items run it
        table.table().addListener(SWT.DefaultSelection, event -> execute(OPEN_COMMAND_ID));
        // the notice is about the row double-clicked last: another row selected, it no longer applies
        table.table().addListener(SWT.Selection, event -> tell(null));
        table.table().addListener(SWT.FocusIn, event -> contexts.activateContext(TABLE_CONTEXT_ID));
        table.table().addListener(SWT.FocusOut, event -> contexts.deactivateContext(TABLE_CONTEXT_ID));
        menus.registerContextMenu(table.table(), POPUP_MENU_ID);
        org.certbench.ui.layout.TableLayout.remember(table.table(), TABLE_ID);
    }

    private void execute(String commandId) {
        var command = commands.createCommand(commandId, null);
        if (handlers.canExecute(command)) {
            handlers.executeHandler(command);
        }
    }

    /** Ctrl+F: the keyboard focus goes to the filter, its text selected to be typed over. */
    void focusFilter() {
        filter.setFocus();
        filter.selectAll();
    }

    /** Ctrl+C: the selected rows as the table shows them, with a header line, the columns separated by tabs. */
    String selectedRowsAsText() {
        return org.certbench.ui.commands.CopyText.selectedRows(table.table());
    }

    /** {@return how many rows are selected} */
    int selectedCount() {
        return table.table().isDisposed() ? 0 : table.table().getSelectionCount();
    }

    void openSelected() {
        List<ExpiryLine> selected = table.selection();
        if (selected.size() == 1) {
            ExpiryRow row = selected.get(0).row();
            tell(opener.open(row.kind(), row.id(), row.name()).orElse(null));
        }
    }

    /** Shows {@code text} below the table, or hides the line with {@code null}. */
    private void tell(String text) {
        if (notice.isDisposed() || (text == null && !notice.getVisible())) {
            return;
        }
        notice.setText(text == null ? "" : text); //$NON-NLS-1$
        notice.setVisible(text != null);
        ((org.eclipse.swt.layout.GridData) notice.getLayoutData()).exclude = text == null;
        notice.requestLayout();
    }

    /** The timeline's Up and Down: the table's selected row moves, within the rows shown. */
    private void stepRow(int rows) {
        Table shownRows = table.table();
        int size = model.size();
        if (size == 0) {
            return;
        }
        int current = shownRows.getSelectionIndex();
        int next = current < 0 ? 0 : Math.max(0, Math.min(size - 1, current + rows));
        shownRows.setSelection(next);
        shownRows.showSelection();
    }

    private boolean dark() {
        return ExpiryColors.isDark(table.table().getBackground());
    }

    private void show(Snapshot snapshot) {
        if (table == null || table.table().isDisposed()) {
            return;
        }
        shown = snapshot;
        all = snapshot.lines();
        timeline.show(snapshot.weeks(), snapshot.thresholds());
        showWeek(selectedBar);
    }

    /** Shows only the rows of this bar of the timeline, or all with {@code null}. */
    private void showWeek(Integer bar) {
        selectedBar = bar;
        model.setAll(bar == null ? all : all.stream().filter(line -> Weeks.barOf(line.row()) == bar).toList());
        boolean narrowed = bar != null;
        week.setVisible(narrowed);
        ((org.eclipse.swt.layout.GridData) week.getLayoutData()).exclude = !narrowed;
        if (narrowed) {
            week.setText(bar == Weeks.EXPIRED ? Messages.Part_expiredOnly
                    : NLS.bind(Messages.Part_week, Timeline.day(Weeks.weekStart(shown.now(), bar))));
        }
        week.getParent().layout(true);
        showRows();
    }

    private void showRows() {
        table.table().deselectAll();
        table.showRows();
        String text = MessageFormat.format(Messages.Part_count, model.size(), all.size());
        List<String> problems = shown == null ? List.of() : shown.problems();
        count.setText(problems.isEmpty() ? text
                : text + "    " + NLS.bind(Messages.Part_problems, String.join("; ", problems))); //$NON-NLS-1$ //$NON-NLS-2$
        count.setToolTipText(problems.isEmpty() ? null : String.join("\n", problems)); //$NON-NLS-1$
    }

    /** For tests: the rows shown, in order. */
    List<ExpiryLine> shown() {
        return java.util.stream.IntStream.range(0, model.size()).mapToObj(model::get).toList();
    }

    Timeline timeline() {
        return timeline;
    }
}
