package org.certbench.ui.details;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.SummaryField;
import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.ChainLink;
import org.certbench.ui.internal.details.DetailsMessages;
import org.certbench.ui.status.StatusLook;
import org.certbench.ui.status.StatusLook.Mark;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * A certificate's details in two tabs: Details (field and value; the view may add rows of its own, e.g. a plug-in's)
 * and Chain (the path from the certificate to its root: each element, whether it is in the CA certificates, its
 * validity and how its signature was checked). The path is computed by {@link CertificateChains} off the UI thread.
 */
public final class CertificateDetails {

    private final TabFolder tabs;
    private final Table fields;
    private final Table chain;
    /** Counts the paths asked for: an answer to an earlier request is not shown after a later one. */
    private int generation;
    private StatusLook look;

    /**
     * Creates the tabs in {@code parent} (laid out by a {@code GridLayout}, filling it).
     *
     * @param parent   the composite the tabs go in
     * @param fieldsId the widget id ({@link WidgetIds#KEY}) of the Details tab's table
     * @param chainId  the widget id of the Chain tab's table
     */
    public CertificateDetails(Composite parent, String fieldsId, String chainId) {
        tabs = new TabFolder(parent, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);
        fields = table(tab(DetailsMessages.Tab_details), fieldsId,
                new String[] { DetailsMessages.Column_field, DetailsMessages.Column_value }, new int[] { 180, 640 });
        chain = table(tab(DetailsMessages.Tab_chain), chainId,
                new String[] { DetailsMessages.Column_certificate, DetailsMessages.Column_store,
                        DetailsMessages.Column_validity, DetailsMessages.Column_signature },
                new int[] { 240, 175, 170, 330 });
    }

    private Composite tab(String label) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(label);
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(page);
        item.setControl(page);
        return page;
    }

    private static Table table(Composite page, String id, String[] titles, int[] widths) {
        Table table = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setData(WidgetIds.KEY, id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        for (int column = 0; column < titles.length; column++) {
            TableColumn each = new TableColumn(table, SWT.LEFT);
            each.setText(titles[column]);
            each.setWidth(widths[column]);
        }
        return table;
    }

    /** {@return the tab folder, e.g. to lay it out} */
    public TabFolder control() {
        return tabs;
    }

    /** {@return the Details tab's table: field and value; a view may add rows of its own} */
    public Table fields() {
        return fields;
    }

    /** {@return the Chain tab's table} */
    public Table chain() {
        return chain;
    }

    /** Leaves out the Chain tab, e.g. for the fields several certificates share. */
    public void withoutChain() {
        tabs.getItem(1).dispose();
    }

    /** Empties both tabs. */
    public void clear() {
        generation++;
        fields.removeAll();
        chain.removeAll();
    }

    /** Shows every field of {@code certificate}'s summary in the Details tab, after the rows there. */
    public void showFields(Certificate certificate) {
        certificate.summary().fields().forEach((SummaryField field, String text) -> row(field.label(), text));
    }

    /** Adds a row to the Details tab. */
    public TableItem row(String field, String value) {
        TableItem item = new TableItem(fields, SWT.NONE);
        item.setText(new String[] { field, value == null ? "" : value }); //$NON-NLS-1$
        return item;
    }

    /**
     * Shows in the Chain tab the path of {@code certificate} to its root, computed by {@code chains} in a Job.
     *
     * @param chains      the trust store's service, or {@code null} when it is not running (the tab says so)
     * @param certificate the certificate
     * @param presented   further certificates that may be its issuers, e.g. the chain a service serves
     */
    public void showChain(CertificateChains chains, Certificate certificate, List<Certificate> presented) {
        int asked = ++generation;
        chain.removeAll();
        if (chains == null) {
            new TableItem(chain, SWT.NONE).setText(DetailsMessages.Chain_unavailable);
            return;
        }
        new TableItem(chain, SWT.NONE).setText(DetailsMessages.Chain_reading);
        Display display = chain.getDisplay();
        Job job = Job.create(DetailsMessages.Job_chain, monitor -> {
            List<ChainLink> path = chains.pathOf(certificate, presented);
            display.asyncExec(() -> {
                if (!chain.isDisposed() && asked == generation) {
                    showPath(path);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void showPath(List<ChainLink> path) {
        chain.removeAll();
        if (look == null) {
            // made on first use: the chain's background is the theme's by now
            look = new StatusLook(chain);
        }
        for (ChainLink link : path) {
            Certificate certificate = link.certificate();
            String until = LocalDate.ofInstant(certificate.notAfter(), ZoneOffset.UTC).toString();
            TableItem item = new TableItem(chain, SWT.NONE);
            item.setText(new String[] { certificate.commonName(),
                    link.inStore() ? DetailsMessages.Store_yes : DetailsMessages.Store_no,
                    NLS.bind(link.expired() ? DetailsMessages.Validity_expired : DetailsMessages.Validity_valid, until),
                    NLS.bind(signature(link.signature()), certificate.issuer()) });
            if (link.signature() == ChainLink.Signature.INVALID) {
                item.setImage(look.image(Mark.UNTRUSTED));
                item.setForeground(look.color(Mark.UNTRUSTED));
            } else if (link.expired()) {
                item.setImage(look.image(Mark.EXPIRED));
                item.setForeground(look.color(Mark.EXPIRED));
            }
        }
    }

    private static String signature(ChainLink.Signature signature) {
        return switch (signature) {
        case VERIFIED -> DetailsMessages.Signature_VERIFIED;
        case SELF_SIGNED -> DetailsMessages.Signature_SELF_SIGNED;
        case INVALID -> DetailsMessages.Signature_INVALID;
        case ISSUER_NOT_FOUND -> DetailsMessages.Signature_ISSUER_NOT_FOUND;
        case NOT_FOLLOWED -> DetailsMessages.Signature_NOT_FOLLOWED;
        };
    }
}
