package org.certbench.truststore.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.CertificateSummary;
import org.certbench.crypto.SummaryField;
import org.certbench.truststore.CaEntry;
import org.certbench.ui.ContributedRows;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Details of one CA certificate, or of several: then only the fields identical in all of them, which shows
 * at a glance what they share and, by omission, where they differ.
 */
final class CaDetailsDialog extends Dialog {

    static final String TABLE_ID = "ca.details.table"; //$NON-NLS-1$

    private final List<CaEntry> entries;
    private final List<CertificateDetailsContributor> contributors;

    CaDetailsDialog(Shell parent, List<CaEntry> entries, List<CertificateDetailsContributor> contributors) {
        super(parent);
        this.entries = List.copyOf(entries);
        this.contributors = List.copyOf(contributors);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Details_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        if (entries.size() > 1) {
            new Label(area, SWT.WRAP).setText(NLS.bind(Messages.Details_several, entries.size()));
        }
        Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION);
        table.setData(WidgetIds.KEY, TABLE_ID);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(720, 420).applyTo(table);
        TableColumn field = new TableColumn(table, SWT.LEFT);
        field.setText(Messages.Details_field);
        field.setWidth(180);
        TableColumn value = new TableColumn(table, SWT.LEFT);
        value.setText(Messages.Details_value);
        value.setWidth(520);
        rows().forEach((label, text) -> new TableItem(table, SWT.NONE).setText(new String[] { label, text }));
        ContributedRows.append(table, entries.stream().map(CaEntry::certificate).toList(), contributors,
                Messages.Job_details);
        return area;
    }

    private Map<String, String> rows() {
        Map<String, String> rows = new LinkedHashMap<>();
        List<CertificateSummary> summaries = entries.stream().map(CaEntry::summary).toList();
        Map<SummaryField, String> fields = summaries.size() == 1 ? summaries.get(0).fields()
                : CertificateSummary.commonFields(summaries);
        fields.forEach((summaryField, text) -> rows.put(summaryField.label(), text));
        if (entries.size() == 1) {
            CaEntry entry = entries.get(0);
            rows.put(Messages.Details_verifies,
                    entry.usableAsTrustAnchor() ? Messages.Details_verifiesYes : entry.anchorProblem());
        }
        return rows;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
