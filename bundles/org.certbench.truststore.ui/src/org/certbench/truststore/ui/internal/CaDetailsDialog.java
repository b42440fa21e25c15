package org.certbench.truststore.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.CertificateDetailsContributor;
import org.certbench.crypto.CertificateSummary;
import org.certbench.crypto.SummaryField;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.CertificateChains;
import org.certbench.ui.ContributedRows;
import org.certbench.ui.details.CertificateDetails;
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

/**
 * Details of one CA certificate, or of several: then only the fields identical in all of them, which shows
 * at a glance what they share and, by omission, where they differ.
 */
final class CaDetailsDialog extends Dialog {

    static final String TABLE_ID = "ca.details.table"; //$NON-NLS-1$
    static final String CHAIN_ID = "ca.details.chain"; //$NON-NLS-1$

    private final List<CaEntry> entries;
    private final List<CertificateDetailsContributor> contributors;
    /** The trust store's path service, or {@code null} while it is not running. */
    private final CertificateChains chains;

    CaDetailsDialog(Shell parent, List<CaEntry> entries, List<CertificateDetailsContributor> contributors,
            CertificateChains chains) {
        super(parent);
        this.entries = List.copyOf(entries);
        this.contributors = List.copyOf(contributors);
        this.chains = chains;
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
        CertificateDetails details = new CertificateDetails(area, TABLE_ID, CHAIN_ID);
        GridDataFactory.fillDefaults().grab(true, true).hint(860, 460).applyTo(details.control());
        Table table = details.fields();
        rows().forEach(details::row);
        ContributedRows.append(table, entries.stream().map(CaEntry::certificate).toList(), contributors,
                Messages.Job_details);
        if (entries.size() == 1) {
            details.showChain(chains, entries.get(0).certificate(), List.of());
        } else {
            details.withoutChain();
        }
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
