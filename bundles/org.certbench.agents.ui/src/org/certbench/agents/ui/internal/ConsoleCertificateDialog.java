package org.certbench.agents.ui.internal;

import java.nio.file.Path;

import org.certbench.core.WidgetIds;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Where the console certificate was written, its fingerprint to compare, and the {@code console-authorize} line to
 * run on each agent, in a field that can be selected and copied.
 */
public final class ConsoleCertificateDialog extends TitleAreaDialog {

    public static final String COMMAND_ID = "agents.console.command"; //$NON-NLS-1$

    private final Path file;
    private final String fingerprint;

    public ConsoleCertificateDialog(Shell parent, Path file, String fingerprint) {
        super(parent);
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** {@return the line to run on an agent for {@code file}, quoted where the path has spaces} */
    static String authorizeLine(Path file) {
        String path = file.toString();
        String quoted = path.matches("[A-Za-z0-9_./:@%+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
        return "certbench-agent console-authorize --file " + quoted; //$NON-NLS-1$
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Console_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Console_title);
        setMessage(NLS.bind(Messages.Console_written, file));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.swtDefaults().applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        Label explain = new Label(body, SWT.WRAP);
        explain.setText(NLS.bind(Messages.Console_explain, fingerprint));
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(explain);
        Text command = new Text(body, SWT.BORDER | SWT.READ_ONLY | SWT.SINGLE);
        command.setText(authorizeLine(file));
        command.setData(WidgetIds.KEY, COMMAND_ID);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(command);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
