package org.certbench.truststore.ui.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.truststore.CaEntry;
import org.certbench.ui.Buttons;
import org.certbench.ui.TableRows;
import org.certbench.ui.ShowCertificate;
import org.certbench.ui.VirtualTable;
import org.certbench.truststore.CaStatus;
import org.certbench.truststore.ExportFormat;
import org.certbench.truststore.ReloadResult;
import org.certbench.truststore.TrustStore;
import org.certbench.truststore.TrustStoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
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
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The first seed's "CA Certificates": a virtual, sortable, filterable table of the trust store, with New
 * Certificate, Details, Export, Delete and Reload. Every change to the store runs in a Job. What a shell using the
 * same home imports or deletes shows without Reload: the store tells the part, which shows its list again.
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

    private final Clock clock = Clock.systemUTC();
    /** Ordered by the time of each sort: whether a certificate has expired depends on it. */
    private final TableRows<CaEntry, CaColumn> model = new TableRows<>(CaColumn.COMMON_NAME,
            column -> column.order(clock.instant()), CaFilter::matches);

    @Inject
    @Service
    private TrustStore store;

    @Inject
    private UISynchronize sync;

    /** The plug-ins' extra rows for the details dialog; e4 re-injects the list when one comes or goes. */
    @Inject
    @Service
    private List<CertificateDetailsContributor> contributors;

    private Shell shell;
    private VirtualTable<CaEntry> table;
    private Text filter;
    private Label count;
    private Button details;
    private Button export;
    private Button delete;
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
        shell = parent.getShell();
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
            updateButtons();
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

    private void createActions(Composite parent) {
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        Buttons.push(actions, Messages.Part_newCertificate, NEW_ID, this::newCertificate);
        details = Buttons.push(actions, Messages.Part_details, DETAILS_ID,
                () -> new CaDetailsDialog(shell, selection(), contributors).open());
        export = Buttons.push(actions, Messages.Part_export, EXPORT_ID, this::exportSelected);
        delete = Buttons.push(actions, Messages.Part_delete, DELETE_ID, this::deleteSelected);
        Buttons.push(actions, Messages.Part_reload, RELOAD_ID, this::reload);
    }

    private void createTable(Composite parent) {
        table = new VirtualTable<>(parent, TABLE_ID, model::get, model::size);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.table());
        for (CaColumn column : CaColumn.values()) {
            table.column(column.title, column.width, entry -> column.text(entry, clock.instant()),
                    entry -> column == CaColumn.STATUS ? statusColor(entry) : SWT.NONE, () -> {
                        model.sortBy(column);
                        return model.ascending();
                    });
        }
        table.table().setSortColumn(table.table().getColumn(0));
        table.table().setSortDirection(SWT.UP);
        table.table().addListener(SWT.Selection, event -> updateButtons());
        table.table().addListener(SWT.DefaultSelection, event -> {
            if (!selection().isEmpty()) {
                new CaDetailsDialog(shell, selection(), contributors).open();
            }
        });
    }

    private int statusColor(CaEntry entry) {
        return switch (CaStatus.of(entry, clock.instant()).kind()) {
        case EXPIRED -> SWT.COLOR_RED;
        case EXPIRES_SOON -> SWT.COLOR_DARK_YELLOW;
        case VALID -> SWT.NONE;
        };
    }

    /** Shows the store's list as read in the background; a newer list is read after a change. */
    void refresh() {
        reader.schedule();
    }

    private void show(List<CaEntry> entries) {
        shown = entries;
        model.setAll(shown);
        showRows();
    }

    private void showRows() {
        table.table().deselectAll();
        table.showRows();
        count.setText(NLS.bind(Messages.Part_count, model.size(), model.total()));
        updateButtons();
    }

    List<CaEntry> selection() {
        return table.selection();
    }

    private void updateButtons() {
        int selected = table.table().getSelectionCount();
        details.setEnabled(selected > 0);
        export.setEnabled(selected == 1);
        delete.setEnabled(selected > 0);
    }

    private void newCertificate() {
        if (new NewCaCertificateWizardDialog(shell, new NewCaCertificateWizard(store)).open() == 0) {
            refresh();
        }
    }

    private void exportSelected() {
        CaEntry entry = selection().get(0);
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.Export_title);
        dialog.setFilterExtensions(new String[] { "*.pem", "*.der" }); //$NON-NLS-1$ //$NON-NLS-2$
        dialog.setFilterNames(new String[] { Messages.Export_pem, Messages.Export_der });
        dialog.setFileName(entry.commonName().replaceAll("[^A-Za-z0-9._-]+", "_") + ".pem"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        ExportFormat format = chosen.toLowerCase(Locale.ROOT).endsWith(".der") || dialog.getFilterIndex() == 1 //$NON-NLS-1$
                ? ExportFormat.DER : ExportFormat.PEM;
        inBackground(Messages.Job_export, () -> store.exportTo(entry.id(), format, Path.of(chosen)));
    }

    private void deleteSelected() {
        List<CaEntry> selected = selection();
        String question = selected.size() == 1
                ? NLS.bind(Messages.Delete_one, selected.get(0).commonName(),
                        selected.get(0).certificate().sha256Fingerprint())
                : NLS.bind(Messages.Delete_several, selected.size());
        MessageDialog confirm = new MessageDialog(shell, Messages.Delete_title, null, question, MessageDialog.WARNING,
                1, Messages.Part_delete, org.eclipse.jface.dialogs.IDialogConstants.CANCEL_LABEL);
        if (confirm.open() != 0) {
            return;
        }
        inBackground(Messages.Job_delete, () -> {
            for (CaEntry entry : selected) {
                store.delete(entry.id());
            }
        });
    }

    private void reload() {
        Job job = Job.create(Messages.Job_reload, monitor -> {
            SubMonitor.convert(monitor, Messages.Job_reload, 1);
            try {
                ReloadResult result = store.reload();
                sync.asyncExec(() -> {
                    refresh();
                    String text = NLS.bind(Messages.Reload_result,
                            new Object[] { result.certificates(), result.added(), result.removed() });
                    if (!result.unreadable().isEmpty()) {
                        text += NLS.bind(Messages.Reload_unreadable, String.join("\n", result.unreadable())); //$NON-NLS-1$
                    }
                    MessageDialog.openInformation(shell, Messages.Reload_title, text);
                });
                return Status.OK_STATUS;
            } catch (TrustStoreException e) {
                return failed(e);
            }
        });
        job.schedule();
    }

    private interface StoreWork {
        void run() throws TrustStoreException;
    }

    private void inBackground(String name, StoreWork work) {
        Job.create(name, monitor -> {
            SubMonitor.convert(monitor, name, 1);
            try {
                work.run();
                sync.asyncExec(this::refresh);
                return Status.OK_STATUS;
            } catch (TrustStoreException e) {
                return failed(e);
            }
        }).schedule();
    }

    /** The reason goes to the administrator in words, and to the log through the Job's status. */
    private IStatus failed(TrustStoreException e) {
        sync.asyncExec(() -> {
            refresh();
            MessageDialog.openError(shell, Messages.Error_title, e.getMessage());
        });
        return Status.error(e.getMessage(), e);
    }
}
