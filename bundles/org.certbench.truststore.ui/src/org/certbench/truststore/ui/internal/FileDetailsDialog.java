package org.certbench.truststore.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.certbench.core.WidgetIds;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.truststore.CertificateChains;
import org.certbench.truststore.OpenedFile;
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
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * What an opened file holds, nothing imported: its certificates (a list when there are several; the selected one's
 * fields and its path to the root, the file's other certificates offered as issuers) or its certificate signing
 * request (subject, names, key and whether its signature verifies), in the shared details widget.
 */
final class FileDetailsDialog extends Dialog {

    static final String ABOUT_ID = "open.about"; //$NON-NLS-1$
    static final String LIST_ID = "open.certificates"; //$NON-NLS-1$
    static final String FIELDS_ID = "open.fields"; //$NON-NLS-1$
    static final String CHAIN_ID = "open.chain"; //$NON-NLS-1$

    private final OpenedFile opened;
    /** The trust store's path service, or {@code null} while it is not running. */
    private final CertificateChains chains;

    FileDetailsDialog(Shell parent, OpenedFile opened, CertificateChains chains) {
        super(parent);
        this.opened = opened;
        this.chains = chains;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Open_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label about = new Label(area, SWT.WRAP);
        about.setData(WidgetIds.KEY, ABOUT_ID);
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(opened.isRequest() ? Messages.Open_aboutRequest : Messages.Open_aboutCertificates,
                opened.name()));
        lines.addAll(opened.notices());
        about.setText(String.join("\n", lines)); //$NON-NLS-1$
        GridDataFactory.fillDefaults().grab(true, false).hint(860, SWT.DEFAULT).applyTo(about);
        if (opened.isRequest()) {
            CertificateDetails details = details(area, 360);
            details.withoutChain();
            showRequest(details, opened.request());
        } else {
            Table list = opened.certificates().size() > 1 ? list(area) : null;
            CertificateDetails details = details(area, 470);
            show(details, 0);
            if (list != null) {
                list.addListener(SWT.Selection, event -> show(details, list.getSelectionIndex()));
            }
        }
        return area;
    }

    private static CertificateDetails details(Composite area, int height) {
        CertificateDetails details = new CertificateDetails(area, FIELDS_ID, CHAIN_ID);
        GridDataFactory.fillDefaults().grab(true, true).hint(860, height).applyTo(details.control());
        return details;
    }

    private Table list(Composite area) {
        Table list = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        list.setData(WidgetIds.KEY, LIST_ID);
        list.setHeaderVisible(true);
        list.setLinesVisible(true);
        String[] titles = { Messages.Open_columnCertificate, Messages.Open_columnIssuer };
        for (String title : titles) {
            TableColumn column = new TableColumn(list, SWT.LEFT);
            column.setText(title);
            column.setWidth(420);
        }
        for (Certificate certificate : opened.certificates()) {
            new TableItem(list, SWT.NONE)
                    .setText(new String[] { certificate.commonName(), certificate.issuerCommonName() });
        }
        list.setSelection(0);
        GridDataFactory.fillDefaults().grab(true, false).hint(860, Math.min(opened.certificates().size(), 5)
                * list.getItemHeight() + list.getHeaderHeight() + 4).applyTo(list);
        return list;
    }

    private void show(CertificateDetails details, int index) {
        if (index < 0) {
            return;
        }
        List<Certificate> certificates = opened.certificates();
        Certificate certificate = certificates.get(index);
        details.clear();
        details.showFields(certificate);
        List<Certificate> others = new ArrayList<>(certificates);
        others.remove(index);
        details.showChain(chains, certificate, others);
    }

    private static void showRequest(CertificateDetails details, CertificationRequest request) {
        details.row(Messages.Open_requestSubject, request.subject());
        details.row(Messages.Open_requestNames, String.join(", ", request.subjectAlternativeNames())); //$NON-NLS-1$
        details.row(Messages.Open_requestKeyAlgorithm, request.keyAlgorithm());
        details.row(Messages.Open_requestKeySize, request.keySize());
        details.row(Messages.Open_requestKeyUsage, requested(request.requestedKeyUsage()));
        details.row(Messages.Open_requestExtendedKeyUsage, requested(request.requestedExtendedKeyUsage()));
        details.row(Messages.Open_requestSignature,
                request.isSignatureValid() ? Messages.Open_signatureValid : Messages.Open_signatureInvalid);
    }

    private static String requested(List<String> usages) {
        return usages.isEmpty() ? Messages.Open_noneRequested : String.join(", ", usages); //$NON-NLS-1$
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
