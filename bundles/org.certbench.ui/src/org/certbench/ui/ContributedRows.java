package org.certbench.ui;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetail;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.ContributedDetails;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Appends the rows of the plug-ins' {@link CertificateDetailsContributor}s to a two-column details table (label,
 * value). Contributors may read files, so they are asked in a Job; the rows arrive a moment after the built-in
 * ones. Each table has at most one such Job: refilling the table for another selection cancels it, and its late
 * rows are dropped. Call the methods on the UI thread.
 */
public final class ContributedRows {

    private static final String ASKING_KEY = ContributedRows.class.getName();

    private ContributedRows() {
    }

    /**
     * Asks the contributors about the selection (for several certificates only the rows all of them get) and
     * appends their rows to the table. Call it right after filling the table with the built-in rows.
     */
    public static void append(Table table, List<Certificate> selection,
            List<? extends CertificateDetailsContributor> contributors, String jobName) {
        clear(table);
        if (selection.isEmpty() || contributors.isEmpty()) {
            return;
        }
        List<Certificate> certificates = List.copyOf(selection);
        List<CertificateDetailsContributor> askable = List.copyOf(contributors);
        Display display = table.getDisplay();
        Job[] self = new Job[1];
        Job job = Job.create(jobName, monitor -> {
            List<CertificateDetail> rows = ContributedDetails.forSelection(certificates, askable, monitor::isCanceled);
            if (!rows.isEmpty() && !monitor.isCanceled() && !display.isDisposed()) {
                display.asyncExec(() -> show(table, self[0], rows));
            }
            return Status.OK_STATUS;
        });
        self[0] = job;
        job.setSystem(true);
        table.setData(ASKING_KEY, job);
        job.schedule();
    }

    /** Forgets the rows still being asked for: call it when the table is emptied for something else. */
    public static void clear(Table table) {
        if (table.getData(ASKING_KEY) instanceof Job asking) {
            asking.cancel();
        }
        table.setData(ASKING_KEY, null);
    }

    private static void show(Table table, Job asked, List<CertificateDetail> rows) {
        if (table.isDisposed() || table.getData(ASKING_KEY) != asked) {
            return;
        }
        table.setData(ASKING_KEY, null);
        for (CertificateDetail row : rows) {
            new TableItem(table, SWT.NONE).setText(new String[] { row.label(), row.value() });
        }
    }
}
