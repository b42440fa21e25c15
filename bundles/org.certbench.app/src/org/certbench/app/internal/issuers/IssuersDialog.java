package org.certbench.app.internal.issuers;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.certbench.app.internal.Messages;
import org.certbench.app.internal.renewal.RenewalSchedule;
import org.certbench.core.WidgetIds;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.ui.Buttons;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Settings > Issuers: the issuers this console knows (its own CA, command issuers, plug-ins' issuers), Show,
 * Remove (command issuers), one Add button per sort of issuer that can be configured here, Export CA certificate,
 * and whether the workbench renews on its own. Every change goes through the {@link Issuers} service, off the UI
 * thread; its refusals are shown in its words.
 */
final class IssuersDialog extends TitleAreaDialog {

    static final String TABLE_ID = "issuers.table"; //$NON-NLS-1$
    static final String SHOW_ID = "issuers.show"; //$NON-NLS-1$
    static final String REMOVE_ID = "issuers.remove"; //$NON-NLS-1$
    static final String EXPORT_ID = "issuers.export"; //$NON-NLS-1$
    static final String SCHEDULE_ID = "issuers.schedule"; //$NON-NLS-1$
    /** Set on the table once a listing is shown, for UI tests waiting on it. */
    static final String LOADED = "issuers.loaded"; //$NON-NLS-1$

    /** The sorts of issuer an administrator adds here, one button each, in this order. */
    static final List<AddIssuerAction> ADD_ACTIONS = List.of(new CommandIssuerAction(), new AcmeIssuerAction());

    private final Issuers issuers;
    private Table table;
    private List<IssuerLine> lines = List.of();
    private int loads;

    IssuersDialog(Shell parent, Issuers issuers) {
        super(parent);
        this.issuers = issuers;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Issuers_title);
        shell.setData(this);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The message wraps at this width instead of widening the dialog past the window. */
    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.min(size.x, 960), size.y);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Issuers_title);
        setMessage(Messages.Issuers_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setData(WidgetIds.KEY, TABLE_ID);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(720, 220).applyTo(table);
        column(Messages.Issuers_name, 110);
        column(Messages.Issuers_type, 80);
        column(Messages.Issuers_caSubject, 250);
        column(Messages.Issuers_caExpiry, 95);
        column(Messages.Issuers_kinds, 90);
        column(Messages.Issuers_canRevoke, 90);
        table.addListener(SWT.DefaultSelection, event -> show());

        Composite buttons = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        button(buttons, Messages.Issuers_show, SHOW_ID, this::show);
        button(buttons, Messages.Issuers_remove, REMOVE_ID, this::remove);
        for (AddIssuerAction action : ADD_ACTIONS) {
            button(buttons, action.label(), action.id(), () -> add(action));
        }
        button(buttons, Messages.Issuers_export, EXPORT_ID, this::export);

        Button schedule = new Button(body, SWT.CHECK);
        schedule.setText(Messages.Issuers_schedule);
        schedule.setData(WidgetIds.KEY, SCHEDULE_ID);
        schedule.setSelection(RenewalSchedule.isEnabled());
        schedule.addListener(SWT.Selection, event -> RenewalSchedule.setEnabled(schedule.getSelection()));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(schedule);
        refresh();
        return area;
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    private static void button(Composite parent, String label, String id, Runnable action) {
        Button button = Buttons.push(parent, label, id, action);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** Lists the issuers again in a Job; a plug-in's issuer may take its time to name its CA. */
    void refresh() {
        int load = ++loads;
        Job.create(Messages.Issuers_loading, monitor -> {
            List<IssuerLine> loaded = issuers.list().stream().map(IssuerLine::of).toList();
            table.getDisplay().asyncExec(() -> {
                if (!table.isDisposed() && load == loads) {
                    show(loaded);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show(List<IssuerLine> loaded) {
        String selected = selected() == null ? null : selected().issuer().name();
        lines = loaded;
        table.removeAll();
        for (IssuerLine line : lines) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(line.cells().toArray(String[]::new));
            if (line.issuer().name().equals(selected)) {
                table.setSelection(item);
            }
        }
        table.setData(LOADED, Boolean.TRUE);
    }

    private IssuerLine selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= lines.size() ? null : lines.get(index);
    }

    private IssuerLine selectedOrSay() {
        IssuerLine line = selected();
        if (line == null) {
            setErrorMessage(Messages.Issuers_selectFirst);
        }
        return line;
    }

    private void show() {
        IssuerLine line = selectedOrSay();
        if (line != null) {
            setErrorMessage(null);
            new IssuerDetailsDialog(getShell(), line).open();
        }
    }

    private void remove() {
        IssuerLine line = selectedOrSay();
        if (line == null) {
            return;
        }
        String name = line.issuer().name();
        if (!MessageDialog.openConfirm(getShell(), Messages.Issuers_removeTitle,
                NLS.bind(Messages.Issuers_removeConfirm, name))) {
            return;
        }
        if (call(Messages.Issuers_removing, () -> issuers.remove(name))) {
            setMessage(NLS.bind(Messages.Issuers_removed, name), IMessageProvider.INFORMATION);
        }
        refresh();
    }

    private void add(AddIssuerAction action) {
        Issuer added = action.add(getShell(), issuers);
        if (added != null) {
            setErrorMessage(null);
            setMessage(NLS.bind(Messages.Issuers_added, added.name()), IMessageProvider.INFORMATION);
            refresh();
        }
    }

    private void export() {
        IssuerLine line = selectedOrSay();
        if (line == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setFileName(line.issuer().name() + "-ca.pem"); //$NON-NLS-1$
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            export(line.issuer().name(), Path.of(chosen));
        }
    }

    /** Writes the issuer's CA certificates to the file (the file dialog's answer, or a UI test's). */
    void export(String name, Path file) {
        if (call(Messages.Issuers_exporting, () -> issuers.exportCaCertificates(name, file))) {
            setMessage(NLS.bind(Messages.Issuers_exported, name, file), IMessageProvider.INFORMATION);
        }
    }

    /** A change the service may take a moment for (the home's lock): off the UI thread, its refusal in words. */
    private boolean call(String task, IssuerCall call) {
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(task, IProgressMonitor.UNKNOWN);
                try {
                    call.run();
                } catch (IssuerException e) {
                    throw new InvocationTargetException(e);
                }
            });
            setErrorMessage(null);
            return true;
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private interface IssuerCall {
        void run() throws IssuerException;
    }
}
