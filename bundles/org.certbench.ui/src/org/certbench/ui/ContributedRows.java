package org.certbench.ui;

import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateDetail;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.ContributedDetails;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * Appends the rows of the plug-ins' {@link CertificateDetailsContributor}s to a two-column details table (label,
 * value). Contributors may read files, so they are asked in a Job; the rows arrive a moment after the built-in
 * ones. When the table is refilled for another selection meanwhile, the late rows are dropped.
 */
public final class ContributedRows {

    private static final String GENERATION_KEY = ContributedRows.class.getName();

    private ContributedRows() {
    }

    /**
     * Asks the contributors about the selection (for several certificates only the rows all of them get) and
     * appends their rows to the table. Call it right after filling the table with the built-in rows.
     */
    public static void append(Table table, List<Certificate> selection,
            List<? extends CertificateDetailsContributor> contributors, String jobName) {
        Object generation = new Object();
        table.setData(GENERATION_KEY, generation);
        if (selection.isEmpty() || contributors.isEmpty()) {
            return;
        }
        List<Certificate> certificates = List.copyOf(selection);
        List<CertificateDetailsContributor> askable = List.copyOf(contributors);
        Job job = Job.create(jobName, monitor -> {
            List<CertificateDetail> rows = ContributedDetails.forSelection(certificates, askable);
            if (!rows.isEmpty() && !table.isDisposed()) {
                table.getDisplay().asyncExec(() -> show(table, generation, rows));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private static void show(Table table, Object generation, List<CertificateDetail> rows) {
        if (table.isDisposed() || table.getData(GENERATION_KEY) != generation) {
            return;
        }
        for (CertificateDetail row : rows) {
            new TableItem(table, SWT.NONE).setText(new String[] { row.label(), row.value() });
        }
    }
}
