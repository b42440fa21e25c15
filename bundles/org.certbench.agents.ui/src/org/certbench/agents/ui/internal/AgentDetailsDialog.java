package org.certbench.agents.ui.internal;

import java.util.List;

import org.certbench.core.IdenticalFields;
import org.certbench.crypto.Certificate;
import org.certbench.truststore.CertificateChains;
import org.certbench.ui.details.CertificateDetails;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * The details of the selected agents in a window of their own (Enter, or a double click): every field of one
 * agent, or the fields identical across several, with the reason an agent is not trusted; for one agent the Chain
 * tab shows its certificate's path to its root. The same details widget as the view's panel and the other views.
 */
public final class AgentDetailsDialog extends Dialog {

    public static final String FIELDS_ID = "agents.details.fields"; //$NON-NLS-1$
    public static final String CHAIN_ID = "agents.details.chain"; //$NON-NLS-1$

    private final List<AgentRow> rows;
    private final CertificateChains chains;

    private AgentDetailsDialog(Shell parent, List<AgentRow> rows, CertificateChains chains) {
        super(parent);
        this.rows = List.copyOf(rows);
        this.chains = chains;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Opens the details of the view's selected agents; nothing when none is selected. */
    public static void open(Shell parent, AgentsPart view) {
        List<AgentRow> selected = view.selection();
        if (!selected.isEmpty()) {
            new AgentDetailsDialog(parent, selected, view.chains()).open();
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(rows.size() == 1 ? NLS.bind(Messages.Details_titleOne, rows.get(0).name())
                : NLS.bind(Messages.Details_titleSeveral, Plural.agents(rows.size())));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        CertificateDetails details = new CertificateDetails(area, FIELDS_ID, CHAIN_ID);
        GridDataFactory.fillDefaults().grab(true, true).hint(920, 460).applyTo(details.control());
        IdenticalFields.of(rows.stream().map(AgentRow::fields).toList()).forEach(details::row);
        Certificate shown = rows.size() == 1 ? rows.get(0).certificate() : null;
        if (shown == null) {
            details.withoutChain();
        } else {
            details.showChain(chains, shown, rows.get(0).possibleIssuers());
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
