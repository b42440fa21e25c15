package org.certbench.app.internal.audit;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

import org.certbench.app.internal.Messages;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.core.AuditRecords;
import org.certbench.core.WidgetIds;
import org.certbench.ui.Buttons;
import org.certbench.ui.TableRows;
import org.certbench.ui.VirtualTable;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
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
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Audit view: the console's audit log (the home's {@code audit/}), newest first, filtered by action, object,
 * who or result; lines of the log that cannot be read are rows saying so. The selected entry is shown whole below
 * the table (the table shortens fingerprints). The log is read in a Job. Its commands (the bundle's model fragment):
 * Refresh (F5) and Filter (Ctrl+F) in the view, Copy (Ctrl+C: the selected rows as text) while the table has the
 * focus, the table's context menu.
 */
public final class AuditPart {

    public static final String PART_ID = "org.certbench.app.part.audit"; //$NON-NLS-1$
    public static final String TABLE_ID = "audit.table"; //$NON-NLS-1$
    public static final String FILTER_ID = "audit.filter"; //$NON-NLS-1$
    public static final String COUNT_ID = "audit.count"; //$NON-NLS-1$
    public static final String REFRESH_ID = "audit.refresh"; //$NON-NLS-1$
    public static final String DETAILS_ID = "audit.details"; //$NON-NLS-1$
    /** The table's context menu, from the bundle's model fragment. */
    static final String POPUP_MENU_ID = "org.certbench.app.popup.audit"; //$NON-NLS-1$
    /** The key binding context of the table (Ctrl+C), active while it has the focus, not in the filter field. */
    static final String TABLE_CONTEXT_ID = "org.certbench.app.context.audit.table"; //$NON-NLS-1$

    private final TableRows<AuditLine, AuditColumn> model = new TableRows<>(AuditColumn.TIME, AuditColumn::order,
            AuditLine::matches);

    @Inject
    private UISynchronize sync;

    @Inject
    private IEclipseContext context;

    @Inject
    private EContextService contexts;

    @Inject
    private EMenuService menus;

    private VirtualTable<AuditLine> table;
    private Text filter;
    private Label count;
    private Text details;

    @PostConstruct
    public void create(Composite parent) {
        // the handlers (Refresh, Filter, Copy) find the view in the part's context
        context.set(AuditPart.class, this);
        GridLayoutFactory.fillDefaults().margins(6, 6).numColumns(1).applyTo(parent);
        Composite top = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        filter = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.Audit_filter);
        filter.setData(WidgetIds.KEY, FILTER_ID);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(filter);
        Buttons.push(top, Messages.Audit_refresh, REFRESH_ID, this::refresh);
        filter.addListener(SWT.Modify, event -> {
            model.setFilter(filter.getText());
            showRows();
        });
        createTable(parent);
        details = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details.setData(WidgetIds.KEY, DETAILS_ID);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(SWT.DEFAULT, details.getLineHeight() * 5).applyTo(details);
        count = new Label(parent, SWT.NONE);
        count.setData(WidgetIds.KEY, COUNT_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        refresh();
    }

    @Focus
    public void focus() {
        table.table().setFocus();
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.table());
        // a failure, or a line that is no audit entry, in the red every view marks a refusal with, for the background
        StatusLook look = new StatusLook(table.table());
        for (AuditColumn column : AuditColumn.values()) {
            table.column(column.title, column.width, column::text, line -> null,
                    line -> (column == AuditColumn.RESULT || line.entry() == null) && failed(line)
                            ? look.color(Mark.UNTRUSTED) : null,
                    () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        // newest first: the time column, reversed
        model.sortBy(AuditColumn.TIME);
        table.table().setSortColumn(table.table().getColumn(0));
        table.table().setSortDirection(SWT.DOWN);
        table.table().addListener(SWT.Selection, event -> showDetails());
        table.table().addListener(SWT.Resize, event -> fillWidthWithResult());
        table.table().addListener(SWT.FocusIn, event -> contexts.activateContext(TABLE_CONTEXT_ID));
        table.table().addListener(SWT.FocusOut, event -> contexts.deactivateContext(TABLE_CONTEXT_ID));
        menus.registerContextMenu(table.table(), POPUP_MENU_ID);
        org.certbench.ui.layout.TableLayout.remember(table.table(), TABLE_ID);
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

    /** {@return whether a row is selected} */
    boolean hasSelection() {
        return !table.table().isDisposed() && table.table().getSelectionCount() > 0;
    }

    /** Messages are the longest texts: the Result column takes what the others leave, never less than its own. */
    private void fillWidthWithResult() {
        org.eclipse.swt.widgets.Table widget = table.table();
        int others = 0;
        for (int i = 0; i < widget.getColumnCount() - 1; i++) {
            others += widget.getColumn(i).getWidth();
        }
        int rest = widget.getClientArea().width - others;
        widget.getColumn(widget.getColumnCount() - 1).setWidth(Math.max(AuditColumn.RESULT.width, rest));
    }

    private static boolean failed(AuditLine line) {
        return line.entry() == null || !line.entry().ok();
    }

    /** Reads the whole log in a Job (it is a file per month on disk) and shows it. */
    void refresh() {
        Job.create(Messages.Audit_reading, monitor -> {
            SubMonitor.convert(monitor, Messages.Audit_reading, 1);
            AuditLog log = AuditLog.ofHome();
            try {
                AuditRecords records = log.read(null);
                List<AuditLine> lines = new ArrayList<>(records.entries().size() + records.problems().size());
                for (AuditEntry entry : records.entries()) {
                    lines.add(AuditLine.of(entry));
                }
                for (String problem : records.problems()) {
                    lines.add(AuditLine.damaged(problem, log.directory()));
                }
                sync.asyncExec(() -> show(lines, null));
                return Status.OK_STATUS;
            } catch (IOException e) {
                String reason = NLS.bind(Messages.Audit_readFailed, log.directory(), e.getMessage());
                sync.asyncExec(() -> show(List.of(), reason));
                return Status.error(reason, e);
            }
        }).schedule();
    }

    private void show(List<AuditLine> lines, String failure) {
        if (table.table().isDisposed()) {
            return;
        }
        model.setAll(lines);
        showRows();
        if (failure != null) {
            count.setText(failure);
        }
    }

    private void showRows() {
        table.table().deselectAll();
        table.showRows();
        count.setText(countText(model.size(), model.total()));
        count.getParent().layout(new org.eclipse.swt.widgets.Control[] { count });
        showDetails();
    }

    /** {@return "1 of 1 entry shown", "2 of 3 entries shown": a choice pattern, which NLS.bind does not read} */
    static String countText(int shown, int total) {
        return MessageFormat.format(Messages.Audit_count, shown, total);
    }

    private void showDetails() {
        List<AuditLine> selected = table.selection();
        details.setText(selected.size() == 1 ? details(selected.get(0)) : Messages.Audit_select);
    }

    private static String details(AuditLine line) {
        AuditEntry entry = line.entry();
        if (entry == null) {
            return line.damage();
        }
        return NLS.bind(Messages.Audit_details, new Object[] { line.timeText(), entry.who(), entry.action(),
                line.object(), value(entry.before()), value(entry.after()), line.result() });
    }

    private static String value(String value) {
        return value == null ? Messages.Audit_none : value;
    }
}
