package org.certbench.agents.ui.internal;

import java.lang.reflect.InvocationTargetException;

import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.FleetException;
import org.certbench.ui.FieldRows;
import org.certbench.ui.dialogs.FormDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Adds one agent: OK only once name, host and port are given (a port in range); the handshake runs off the UI thread;
 * the pinned fingerprint is shown for comparison.
 */
public final class AddAgentDialog extends FormDialog {

    static final String NAME_ID = "agents.add.name"; //$NON-NLS-1$
    static final String HOST_ID = "agents.add.host"; //$NON-NLS-1$
    static final String PORT_ID = "agents.add.port"; //$NON-NLS-1$
    static final String FINGERPRINT_ID = "agents.add.fingerprint"; //$NON-NLS-1$

    private final AgentFleet fleet;
    private Text name;
    private Text host;
    private Text port;
    private Text fingerprint;
    private String addedName;

    public AddAgentDialog(Shell parent, AgentFleet fleet) {
        super(parent, Messages.Add_title, Messages.Add_message);
        this.fleet = fleet;
    }

    public String addedName() {
        return addedName;
    }

    @Override
    protected void createRows(Composite form) {
        name = FieldRows.text(form, Messages.Add_name, NAME_ID, ""); //$NON-NLS-1$
        host = FieldRows.text(form, Messages.Add_host, HOST_ID, ""); //$NON-NLS-1$
        port = FieldRows.text(form, Messages.Add_port, PORT_ID, "9443"); //$NON-NLS-1$
        fingerprint = FieldRows.text(form, Messages.Add_fingerprint, FINGERPRINT_ID, ""); //$NON-NLS-1$
        checkOnChange(name, host, port, fingerprint);
    }

    @Override
    protected String problem() {
        if (name.getText().isBlank()) {
            return Messages.Add_nameMissing;
        }
        if (host.getText().isBlank()) {
            return Messages.Add_hostMissing;
        }
        return port() < 0 ? Messages.Add_badPort : null;
    }

    /** {@return the port typed, or -1 when it is not a number from 1 to 65535} */
    private int port() {
        try {
            int number = Integer.parseInt(port.getText().strip());
            return number >= 1 && number <= 65535 ? number : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    protected void okPressed() {
        String agentName = name.getText().strip();
        String agentHost = host.getText().strip();
        String expected = fingerprint.getText().strip();
        int agentPort = port();
        AgentStatus[] added = new AgentStatus[1];
        try {
            new ProgressMonitorDialog(getShell()).run(true, false, monitor -> {
                monitor.beginTask(Messages.Job_add, org.eclipse.core.runtime.IProgressMonitor.UNKNOWN);
                try {
                    added[0] = fleet.add(agentName, agentHost, agentPort, expected.isEmpty() ? null : expected);
                } catch (FleetException e) {
                    throw new InvocationTargetException(e);
                }
            });
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        addedName = agentName;
        MessageDialog.openInformation(getShell(), Messages.Add_title, NLS.bind(Messages.Add_added, agentName,
                added[0].certificate() == null ? "?" : added[0].certificate().sha256Fingerprint())); //$NON-NLS-1$
        super.okPressed();
    }
}
